/**
 * Reading a failed token answer into a TokenFailure, where it arrives: Entra's OAuth error body (the
 * fetch-based ports), msal's error (msal-node, msal-browser), and the Retry-After header of a throttled one.
 */
import { parseRetryAfter, retryAfterDelay } from "../graph/graph-error.js";
import { aadstsIn, type TokenFailure } from "./token-response.js";

/**
 * Retry-After as whole seconds (at least 1): delta-seconds (what Entra sends) or an HTTP date, counted from
 * `nowMs` (RFC 9110 section 10.2.3 allows both); garbage, or more than six digits of seconds, counts as absent.
 */
export function retryAfterHeaderSeconds(
  header: string | null | undefined,
  nowMs: number,
): number | undefined {
  const text = header?.trim();
  if (!text) return undefined;
  if (/^\d{1,6}$/.test(text)) return Math.max(1, Number.parseInt(text, 10));
  const retryAfter = parseRetryAfter({ "retry-after": text });
  if (retryAfter === undefined || "afterMs" in retryAfter) return undefined;
  return Math.max(1, Math.ceil(retryAfterDelay(retryAfter, nowMs) / 1000));
}

/** Reads Entra's OAuth error body (`error`, `error_codes`) the fetch-based ports receive. */
export function tokenFailureFromBody(status: number, body: unknown): TokenFailure {
  const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const codes = Array.isArray(record.error_codes) ? record.error_codes : [];
  const first = codes.find((n): n is number => typeof n === "number" && Number.isInteger(n));
  return {
    status,
    ...(typeof record.error === "string" ? { error: record.error } : {}),
    ...(first === undefined ? {} : { aadsts: first }),
  };
}

function text(record: Record<string, unknown>, name: string): string {
  const value = record[name];
  return typeof value === "string" ? value : "";
}

/**
 * Reads an msal error (msal-node and msal-browser share msal-common's ServerError: `errorCode` is
 * the OAuth error, `errorNo` the AADSTS number, `status` the HTTP status, `errorMessage` Entra's
 * description) into a TokenFailure. Duck-typed so core needs no msal import.
 */
export function tokenFailureFromMsal(error: unknown): TokenFailure {
  const record = typeof error === "object" && error !== null ? (error as Record<string, unknown>) : {};
  const errorCode = text(record, "errorCode");
  const described = `${text(record, "errorMessage")} ${text(record, "message")}`;
  const errorNo = Number(text(record, "errorNo"));
  const aadsts = Number.isInteger(errorNo) && errorNo > 0 ? errorNo : aadstsIn(described);
  const status = typeof record.status === "number" ? record.status : undefined;
  // msal reports a throttled endpoint whose answer it could not read as a server error (msal-node's device
  // code poller: post_request_failed) with the OAuth error only in its text: read it as Entra's
  // `temporarily_unavailable`, which the classifier calls throttled.
  const throttled = aadsts === undefined && /temporarily_unavailable|throttl/i.test(described);
  const network =
    aadsts === undefined &&
    /network|fetch failed|ECONNREFUSED|ENOTFOUND|ECONNRESET|ETIMEDOUT|certificate/i.test(
      `${errorCode} ${described}`,
    );
  return {
    ...(status === undefined ? {} : { status }),
    ...(throttled ? { error: "temporarily_unavailable" } : errorCode ? { error: errorCode } : {}),
    ...(aadsts === undefined ? {} : { aadsts }),
    ...(network ? { network } : {}),
  };
}
