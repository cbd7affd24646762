/**
 * One error class with a closed set of codes. Messages say what to do next and never contain a
 * secret, a token or an authorization code. Expected outcomes (cancel, nothing to do, invalid input
 * in a parse function) are values, not throws.
 */

export const ErrorCode = {
  /** Input failed validation; `field` names the bad field. Nothing was changed. */
  InvalidInput: "invalid_input",
  /** A profile file or JSON failed validation. */
  InvalidProfile: "invalid_profile",
  /** A permission named in a profile is not known for that resource. */
  UnknownPermission: "unknown_permission",
  /** The signed-in account lacks the directory role the operation needs. */
  InsufficientRole: "insufficient_role",
  /** Graph answered 403 Authorization_RequestDenied (missing scope or role). */
  AccessDenied: "access_denied",
  /** The access token expired or was rejected (401); sign in again. */
  TokenExpired: "token_expired",
  /** Sign-in failed or was refused (device code blocked, cancelled, wrong tenant). */
  SignInFailed: "sign_in_failed",
  /** Client credentials were rejected: wrong or expired secret, unknown app, bad certificate. */
  InvalidClientCredentials: "invalid_client_credentials",
  /** Tenant or app not found. */
  NotFound: "not_found",
  /** Throttled (429/503) beyond the retry budget. */
  Throttled: "throttled",
  /** Replication lag did not settle within the retry budget; a re-run will finish the job. */
  ReplicationTimeout: "replication_timeout",
  /** A secret lifetime exceeds the tenant's app management policy. */
  SecretLifetimeTooLong: "secret_lifetime_too_long",
  /** Tenant policy forbids client secrets; use a certificate. */
  SecretsNotAllowed: "secrets_not_allowed",
  /** Graph or the token service failed in a way not covered above. */
  GraphRequestFailed: "graph_request_failed",
  /** The network or host could not be reached. */
  Unreachable: "unreachable",
  /** Verification ended at its deadline with permissions still pending or missing. */
  VerificationIncomplete: "verification_incomplete",
  /** A step-machine event that cannot apply (programmer error; adapters offer only availableEvents). */
  InvalidTransition: "invalid_transition",
  /** Refused on purpose, e.g. rotation that would leave the app without a working credential. */
  UnsafeOperation: "unsafe_operation",
  /** A request body exceeded the size limit (HTTP API). */
  PayloadTooLarge: "payload_too_large",
  /** The route exists but not for this HTTP method; the Allow header lists those it takes (HTTP API). */
  MethodNotAllowed: "method_not_allowed",
  /** A call needs a bearer token and none (or a malformed one) was sent (HTTP API). */
  Unauthenticated: "unauthenticated",
  /** Preflight found a tenant rule that would make the setup fail; nothing was written (see its checks). */
  PreflightFailed: "preflight_failed",
  /** An unexpected failure; the message is generic and the request id identifies it in logs. */
  Internal: "internal_error",
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface CoreErrorOptions {
  readonly cause?: unknown;
  /** The input field at fault, for invalid_input / invalid_profile. */
  readonly field?: string;
  /** HTTP status of the failed upstream call, when there was one. */
  readonly status?: number;
  /** Graph or AADSTS error code string, e.g. "Authorization_RequestDenied". */
  readonly upstreamCode?: string;
  /** Graph request-id, for support tickets. */
  readonly requestId?: string;
  /** For `throttled`: how long Microsoft asked to wait (Retry-After) before a re-run, in seconds. */
  readonly retryAfterSeconds?: number;
}

export class CoreError extends Error {
  override readonly name = "CoreError";
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly status: number | undefined;
  readonly upstreamCode: string | undefined;
  readonly requestId: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, message: string, options: CoreErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.field = options.field;
    this.status = options.status;
    this.upstreamCode = options.upstreamCode;
    this.requestId = options.requestId;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  /** A JSON-safe view (no cause, no stack) for --json output and API bodies. */
  toJSON(): {
    code: ErrorCode;
    message: string;
    field?: string;
    upstreamCode?: string;
    requestId?: string;
    retryAfterSeconds?: number;
  } {
    return {
      code: this.code,
      message: this.message,
      ...(this.field === undefined ? {} : { field: this.field }),
      ...(this.upstreamCode === undefined ? {} : { upstreamCode: this.upstreamCode }),
      ...(this.requestId === undefined ? {} : { requestId: this.requestId }),
      ...(this.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: this.retryAfterSeconds }),
    };
  }
}

export function isCoreError(value: unknown): value is CoreError {
  return value instanceof CoreError;
}
