/**
 * msal-node's network client, with one addition: it remembers the last error body of the token endpoint.
 * msal's device code poller reports any refusal as "post_request_failed: invalid_grant" and drops
 * `error_codes` and the AADSTS text, so a Conditional Access block (AADSTS53003) could not be told from
 * other refusals. Same transport as msal-node 7's own HttpClient (the global fetch).
 */

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

export function recordingNetwork(): RecordingNetwork {
  let last: TokenError | undefined;
  async function send<T>(url: string, method: "GET" | "POST", options?: Options) {
    const res = await fetch(url, {
      method,
      ...(options?.headers ? { headers: options.headers } : {}),
      ...(options?.body !== undefined ? { body: options.body } : {}),
    });
    const headers: Record<string, string> = {};
    res.headers.forEach((value, key) => {
      headers[key] = value;
    });
    const text = await res.text();
    const body = (text ? JSON.parse(text) : {}) as T & {
      error?: unknown;
      error_codes?: unknown;
      error_description?: unknown;
    };
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
    return { headers, body: body as T, status: res.status };
  }
  return {
    sendGetRequestAsync: (url, options) => send(url, "GET", options),
    sendPostRequestAsync: (url, options) => send(url, "POST", options),
    lastTokenError: () => last,
    clear: () => {
      last = undefined;
    },
  };
}
