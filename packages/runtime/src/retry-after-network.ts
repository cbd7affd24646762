/**
 * msal-node's network module for one app-token request, over the global fetch (the transport msal-node's own
 * client uses, the one trustCa configures), that remembers the token endpoint's Retry-After. msal-node's
 * ServerError carries the status and AADSTS code but drops the response headers, so without this an upstream
 * 429 lost the wait Entra asked for and the API answered its 429 with a default (issue 15). Nothing is retried
 * here: a caller who must stop at the first throttled answer (the API) gets it at once, with the wait.
 * Use one instance per request, so the wait recorded is that request's own.
 */
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from "@azure/msal-node";
import { retryAfterHeaderSeconds } from "@boxafe-connect/core";

export interface RetryAfterNetwork extends INetworkModule {
  /** Whole seconds (at least 1) the last throttled or unavailable token answer asked to wait, if it said. */
  retryAfterSeconds(): number | undefined;
}

function isTokenEndpoint(url: string): boolean {
  return new URL(url).pathname.endsWith("/oauth2/v2.0/token");
}

export function retryAfterNetwork(now: () => number = Date.now): RetryAfterNetwork {
  let recorded: number | undefined;

  async function send<T>(url: string, init: RequestInit): Promise<NetworkResponse<T>> {
    const res = await fetch(url, init);
    const headers: Record<string, string> = {};
    res.headers.forEach((value, key) => {
      headers[key] = value;
    });
    if (isTokenEndpoint(url)) {
      recorded =
        res.status === 429 || res.status === 503
          ? retryAfterHeaderSeconds(headers["retry-after"], now())
          : undefined;
    }
    const text = await res.text();
    let body: unknown = {};
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      // msal reads `error` from the body; a proxy's HTML page must not become a JSON SyntaxError.
      body = { error: "invalid_response" };
    }
    return { headers, body: body as T, status: res.status };
  }

  return {
    sendGetRequestAsync: <T>(url: string, request?: NetworkRequestOptions) =>
      send<T>(url, { method: "GET", headers: request?.headers ?? {} }),
    sendPostRequestAsync: <T>(url: string, request?: NetworkRequestOptions) =>
      send<T>(url, { method: "POST", headers: request?.headers ?? {}, body: request?.body ?? "" }),
    retryAfterSeconds: () => recorded,
  };
}
