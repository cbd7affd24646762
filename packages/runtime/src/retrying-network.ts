/**
 * msal-node's network module for the admin sign-in, over the global fetch (the one trustCa configures),
 * retrying a transient answer from Entra: 429, 500, 502, 503, 504 on the device authorization, token and
 * discovery endpoints. Entra sheds load with 503/429 `temporarily_unavailable` (AADSTS90055 and kin) and a
 * Retry-After; msal-node passes one such answer straight to the caller, which ended a whole sign-in (issue 12:
 * the only failure of a 114-seed soak). Retrying these POSTs is safe: a device authorization request only
 * mints a code nobody has seen yet, and a device_code token request is a poll.
 */
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from "@azure/msal-node";

const TRANSIENT = new Set([429, 500, 502, 503, 504]);

export interface RetryingNetworkOptions {
  /** Attempts per request, the first included (default 5). */
  readonly attempts?: number;
  /** First backoff when no Retry-After is sent (default 1 s, doubling). */
  readonly baseMs?: number;
  /** Longest single wait, Retry-After included (default 30 s): a longer one is answered as is. */
  readonly maxWaitMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

function retryAfterMs(value: string | null): number | undefined {
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

export function retryingNetwork(options: RetryingNetworkOptions = {}): INetworkModule {
  const attempts = options.attempts ?? 5;
  const baseMs = options.baseMs ?? 1000;
  const maxWaitMs = options.maxWaitMs ?? 30_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));

  async function send<T>(url: string, init: RequestInit): Promise<NetworkResponse<T>> {
    for (let attempt = 1; ; attempt++) {
      const res = await fetch(url, init);
      const wait = retryAfterMs(res.headers.get("retry-after")) ?? baseMs * 2 ** (attempt - 1);
      if (!TRANSIENT.has(res.status) || attempt >= attempts || wait > maxWaitMs) {
        const headers: Record<string, string> = {};
        res.headers.forEach((v, k) => {
          headers[k] = v;
        });
        const text = await res.text();
        let body: unknown = {};
        try {
          body = text ? JSON.parse(text) : {};
        } catch {
          body = { error: "invalid_response", error_description: text.slice(0, 200) };
        }
        return { headers, body: body as T, status: res.status };
      }
      await res.body?.cancel();
      await sleep(wait);
    }
  }

  return {
    sendGetRequestAsync: <T>(url: string, request?: NetworkRequestOptions) =>
      send<T>(url, { method: "GET", headers: request?.headers ?? {} }),
    sendPostRequestAsync: <T>(url: string, request?: NetworkRequestOptions) =>
      send<T>(url, { method: "POST", headers: request?.headers ?? {}, body: request?.body ?? "" }),
  };
}
