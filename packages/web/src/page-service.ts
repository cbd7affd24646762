/**
 * One call to a same-origin service of this page (the verification, proof and EWS services that the
 * page's server fronts, adding the partner key there): same-origin credentials, no cache, a JSON
 * answer. A network failure is `unreachable` naming the service; an error answer keeps the server's
 * code when it is one of core's ErrorCodes (else the caller's fallback) and the server's message.
 */
import { CoreError, ErrorCode } from "@boxafe-connect/core";

const KNOWN = new Set<string>(Object.values(ErrorCode));

export interface ServiceAnswer {
  readonly res: Response;
  /** The parsed body; undefined when it was not JSON. */
  readonly json: unknown;
}

/** A POST of `body` as JSON. */
export function postJson(body: unknown): RequestInit {
  return { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
}

/** `service` names it in errors ("verification service"). */
export async function callPageService(
  service: string,
  url: string,
  init: RequestInit,
  fetchFn: typeof fetch,
): Promise<ServiceAnswer> {
  let res: Response;
  try {
    res = await fetchFn(url, { ...init, credentials: "same-origin", cache: "no-store" });
  } catch (cause) {
    throw new CoreError("unreachable", `The ${service} of this page could not be reached.`, { cause });
  }
  const json: unknown = await res.json().catch(() => undefined);
  return { res, json };
}

/** The error an unwanted answer stands for; `retryAfter`: carry the answer's Retry-After seconds. */
export function serviceFailure(
  service: string,
  answer: ServiceAnswer,
  fallback: ErrorCode,
  options: { readonly retryAfter?: boolean } = {},
): CoreError {
  const { res, json } = answer;
  const error = (typeof json === "object" && json !== null ? json : {}) as {
    code?: unknown;
    message?: unknown;
  };
  const code = typeof error.code === "string" && KNOWN.has(error.code) ? (error.code as ErrorCode) : fallback;
  const retry = Number(res.headers.get("retry-after"));
  return new CoreError(
    code,
    typeof error.message === "string" ? error.message : `The ${service} answered ${res.status}.`,
    {
      status: res.status,
      ...(options.retryAfter && Number.isFinite(retry) && retry > 0 ? { retryAfterSeconds: retry } : {}),
    },
  );
}
