/**
 * msal-node's network client, with one addition: it remembers the last error body of the token endpoint.
 * msal's device code poller reports any refusal as "post_request_failed: invalid_grant" and drops
 * `error_codes` and the AADSTS text, so a Conditional Access block (AADSTS53003) could not be told from
 * other refusals. Its transport is runtime's retryingNetwork (the global fetch, as msal-node 7's own
 * HttpClient): a transient 429/5xx of the device authorization or token endpoint is retried with its
 * Retry-After, so one throttled answer no longer ends a sign-in (issue 12; Entra sheds load with 429/503
 * temporarily_unavailable, AADSTS90055, and a Retry-After).
 */
import { type RetryingNetworkOptions, retryingNetwork } from "@boxafe-connect/runtime";

export interface TokenError {
  readonly error: string;
  readonly code: number | undefined;
  /** The description's first sentence part, without trace and correlation ids. */
  readonly description: string;
}

interface Options {
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

export interface RecordingNetwork {
  sendGetRequestAsync<T>(
    url: string,
    options?: Options,
  ): Promise<{ headers: Record<string, string>; body: T; status: number }>;
  sendPostRequestAsync<T>(
    url: string,
    options?: Options,
  ): Promise<{ headers: Record<string, string>; body: T; status: number }>;
  /** The last token-endpoint error seen since `clear`, if any. */
  lastTokenError(): TokenError | undefined;
  clear(): void;
}

export function recordingNetwork(options: RetryingNetworkOptions = {}): RecordingNetwork {
  let last: TokenError | undefined;
  const transport = retryingNetwork(options);
  async function send<T>(url: string, method: "GET" | "POST", request?: Options) {
    const res =
      method === "GET"
        ? await transport.sendGetRequestAsync<T>(url, request)
        : await transport.sendPostRequestAsync<T>(url, request);
    const body = res.body as T & { error?: unknown; error_codes?: unknown; error_description?: unknown };
    if (
      url.includes("/oauth2/v2.0/token") &&
      typeof body.error === "string" &&
      body.error !== "authorization_pending"
    ) {
      const codes = Array.isArray(body.error_codes) ? body.error_codes : [];
      const description = typeof body.error_description === "string" ? body.error_description : "";
      last = {
        error: body.error,
        code: typeof codes[0] === "number" ? codes[0] : undefined,
        description: (description.split(/\s*Trace ID:/)[0] ?? description).trim(),
      };
    }
    return { headers: res.headers, body: body as T, status: res.status };
  }
  return {
    sendGetRequestAsync: (url, request) => send(url, "GET", request),
    sendPostRequestAsync: (url, request) => send(url, "POST", request),
    lastTokenError: () => last,
    clear: () => {
      last = undefined;
    },
  };
}
