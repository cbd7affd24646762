/**
 * Graph error parsing and classification: the one place that knows Graph's error strings.
 * Every outcome of a sub-response is decided here, so the retry set stays exactly the documented one.
 */
import { ADMIN_SCOPES } from "../engine/admin-scopes.js";
import { CoreError } from "../errors.js";
import type { GraphResponse } from "./port.js";

export interface GraphErrorInfo {
  readonly code: string;
  readonly message: string;
  readonly detailCodes: readonly string[];
  readonly requestId: string | undefined;
}

/** The value as an object to read fields from, or undefined (Graph bodies are untyped JSON). */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : undefined;
}

function str(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** Reads Graph's `{ error: { code, message, details?, innerError? } }`; tolerant of odd bodies. */
export function parseGraphError(body: unknown): GraphErrorInfo {
  const error = asRecord(asRecord(body)?.error);
  const details = Array.isArray(error?.details) ? error.details : [];
  const inner = asRecord(error?.innerError) ?? asRecord(error?.innererror);
  return {
    code: str(error?.code),
    message: str(error?.message),
    detailCodes: details.map((d) => str(asRecord(d)?.code)).filter((c) => c !== ""),
    requestId: str(inner?.["request-id"]) || undefined,
  };
}

/** How the request that got this response was meant: drives the 404 and lost-response rules. */
export interface RequestTraits {
  /** 404 Request_ResourceNotFound means replication lag (the object was just created or referenced). */
  readonly lagOn404?: boolean;
  /** 404 is an answer, not an error (reads of something that may not exist, deletes). */
  readonly absentOk?: boolean;
}

export type Outcome =
  | { readonly kind: "ok" }
  /** The object is already there: success for an idempotent create. */
  | { readonly kind: "exists" }
  | { readonly kind: "absent" }
  | {
      readonly kind: "retry";
      readonly reason: "throttled" | "lag";
      readonly retryAfter: RetryAfter | undefined;
    }
  | { readonly kind: "fail"; readonly error: CoreError };

const SP_BACKING_APP = "backing application of the service principal being created must in the local tenant";
const NOT_VALID_REFERENCE = "Not a valid reference update.";
/**
 * Each rule reads the code form and the message form of the same real answer (samples and their
 * sources in graph-error.test.ts): a proxy or SDK may drop one of them, so either one decides.
 */
const ASSIGNMENT_EXISTS = /^Permission being assigned already exists on the object\.?$/;
const GRANT_EXISTS = /^Permission entry already exists\.?$/;
const NO_BACKING_APP = /does not reference a valid application object/;
const RESOURCE_MISSING = /does not exist or one of its queried reference-property objects are not present/;
const COMPANY_UNREADABLE = "Unable to read the company information from the directory.";
const NO_CREDENTIAL = /^No (password |key )?credential found with keyId/i;

/**
 * Retry-After as Graph sent it: delay-seconds or an HTTP-date (RFC 9110 10.2.3; Graph documents
 * seconds, learn.microsoft.com/graph/throttling, but a proxy in front of it may send a date).
 * Header names vary in case. The date stays absolute: only the runner knows the time.
 */
export type RetryAfter = { readonly afterMs: number } | { readonly atMs: number };

export function parseRetryAfter(headers: Readonly<Record<string, string>>): RetryAfter | undefined {
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() !== "retry-after") continue;
    const text = value.trim();
    if (/^\d+$/.test(text)) return { afterMs: Number(text) * 1000 };
    const at = Date.parse(text);
    if (!Number.isNaN(at) && /[A-Za-z]/.test(text)) return { atMs: at };
  }
  return undefined;
}

/** How long a Retry-After asks to wait from `now` (a date in the past means: now). */
export function retryAfterDelay(retryAfter: RetryAfter, now: number): number {
  return "afterMs" in retryAfter ? retryAfter.afterMs : Math.max(0, retryAfter.atMs - now);
}

/** Statuses that mean "slow down and send again", for a sub-response and for the whole $batch call. */
export function isThrottleStatus(status: number): boolean {
  return status === 429 || status === 503 || status === 504;
}

export function classifyResponse(response: GraphResponse, traits: RequestTraits = {}): Outcome {
  const { status } = response;
  if (status >= 200 && status < 300) return { kind: "ok" };
  if (isThrottleStatus(status)) {
    return { kind: "retry", reason: "throttled", retryAfter: parseRetryAfter(response.headers) };
  }
  const info = parseGraphError(response.body);
  if (
    status === 400 &&
    (info.detailCodes.includes("NoBackingApplicationObject") ||
      NO_BACKING_APP.test(info.message) ||
      info.message === NOT_VALID_REFERENCE)
  ) {
    return { kind: "retry", reason: "lag", retryAfter: undefined };
  }
  if (status === 403 && info.message.includes(SP_BACKING_APP)) {
    return { kind: "retry", reason: "lag", retryAfter: undefined };
  }
  if (status === 404) {
    if (traits.lagOn404 && isReplicationMiss(info)) {
      return { kind: "retry", reason: "lag", retryAfter: undefined };
    }
    if (traits.absentOk) return { kind: "absent" };
  }
  // removePassword of a key that is already gone (e.g. our earlier answer was lost) reports it as 400.
  if (status === 400 && traits.absentOk && NO_CREDENTIAL.test(info.message)) return { kind: "absent" };
  if (status === 400 && ASSIGNMENT_EXISTS.test(info.message)) return { kind: "exists" };
  if ((status === 400 || status === 409) && GRANT_EXISTS.test(info.message)) return { kind: "exists" };
  if (status === 409 && info.code === "Request_MultipleObjectsWithSameKeyValue") return { kind: "exists" };
  return { kind: "fail", error: errorForResponse(status, info) };
}

/** A 404 for an object a replica has not seen yet: Request_ResourceNotFound or Directory_ObjectNotFound. */
function isReplicationMiss(info: GraphErrorInfo): boolean {
  return (
    info.code === "Request_ResourceNotFound" ||
    info.code === "Directory_ObjectNotFound" ||
    RESOURCE_MISSING.test(info.message) ||
    info.message === COMPANY_UNREADABLE
  );
}

const ADMIN_ROLES = "Global Administrator or Privileged Role Administrator";

/** Maps a final (non-retryable) Graph failure to a CoreError whose message says what to do next. */
export function errorForResponse(status: number, info: GraphErrorInfo): CoreError {
  const options = { status, upstreamCode: info.code || undefined, requestId: info.requestId };
  if (status === 401) {
    return new CoreError(
      "token_expired",
      "The sign-in expired or was rejected by Microsoft Graph. Sign in again and re-run; the run continues where it stopped.",
      options,
    );
  }
  if (status === 403 && info.code === "Authorization_RequestDenied") {
    return new CoreError(
      "access_denied",
      `Microsoft Graph refused the change (insufficient privileges). Sign in as a ${ADMIN_ROLES} and consent to ${ADMIN_SCOPES.map((s) => s.value).join(", ")}.`,
      options,
    );
  }
  if (info.code === "CredentialInvalidLifetimeAsPerAppPolicy") {
    const policy = /policy '([^']+)'/.exec(info.message)?.[1];
    return new CoreError(
      "secret_lifetime_too_long",
      `The tenant's app management policy${policy ? ` '${policy}'` : ""} does not allow a secret this long. Re-run with a shorter lifetime (e.g. --secret-days 90) or use a certificate.`,
      options,
    );
  }
  if (info.code === "CredentialTypeNotAllowedAsPerAppPolicy") {
    return new CoreError(
      "secrets_not_allowed",
      "The tenant's app management policy blocks client secrets for this app. Use a certificate instead (--certificate).",
      options,
    );
  }
  const what = info.code ? `${info.code}: ${info.message}` : `HTTP ${status}`;
  return new CoreError(
    "graph_request_failed",
    `Microsoft Graph rejected a request (${what.slice(0, 300)}).`,
    options,
  );
}
