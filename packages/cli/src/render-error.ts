/**
 * The one place that turns any failure into a user-facing message and an exit code. CoreError codes
 * map by table; msal and network errors are recognised by shape; everything else is exit 1.
 */
import type { ErrorCode } from "@boxafe-connect/core";
import { CancelledError, UsageError } from "./cli/usage-error.js";
import { flagOf } from "./requests/field-flags.js";

export const ExitCode = {
  Ok: 0,
  Failure: 1,
  Usage: 2,
  DriftFound: 3,
  VerificationIncomplete: 4,
  AccessDenied: 5,
  /** The tenant changed and the new credential was shown (stdout / JSON), but a file was not written. */
  FileNotWritten: 6,
  /** preflight (or setup's preflight) found a failing tenant rule; nothing was written. */
  PreflightFailed: 7,
  Cancelled: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export interface RenderedError {
  readonly exitCode: ExitCode;
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
  readonly field?: string;
  readonly upstreamCode?: string;
  readonly requestId?: string;
}

/** Every ErrorCode's exit code: a code core adds does not compile here until it is given one. */
export const exitByCode: Readonly<Record<ErrorCode, ExitCode>> = {
  invalid_input: ExitCode.Usage,
  invalid_profile: ExitCode.Usage,
  unknown_permission: ExitCode.Usage,
  insufficient_role: ExitCode.AccessDenied,
  access_denied: ExitCode.AccessDenied,
  verification_incomplete: ExitCode.VerificationIncomplete,
  preflight_failed: ExitCode.PreflightFailed,
  token_expired: ExitCode.Failure,
  sign_in_failed: ExitCode.Failure,
  invalid_client_credentials: ExitCode.Failure,
  not_found: ExitCode.Failure,
  throttled: ExitCode.Failure,
  replication_timeout: ExitCode.Failure,
  secret_lifetime_too_long: ExitCode.Failure,
  secrets_not_allowed: ExitCode.Failure,
  graph_request_failed: ExitCode.Failure,
  unreachable: ExitCode.Failure,
  invalid_transition: ExitCode.Failure,
  unsafe_operation: ExitCode.Failure,
  payload_too_large: ExitCode.Failure,
  method_not_allowed: ExitCode.Failure,
  unauthenticated: ExitCode.Failure,
  internal_error: ExitCode.Failure,
};

/** A CoreError from another build of core may carry a code this table does not know (exit 1 then). */
function isKnownCode(code: string): code is ErrorCode {
  return Object.hasOwn(exitByCode, code);
}

/** Conditional Access / device-code refusals: AADSTS50199 (CmsiInterrupt), 53003, 530033, 50097... */
export const deviceCodeRefusals = /AADSTS(50199|53003|53000|530033|530034|50097|50105)|conditional access/i;
export const browserHint =
  "This tenant refuses device-code sign-in (Conditional Access). Sign in with --auth browser.";

interface CoreErrorShape {
  readonly name: "CoreError";
  readonly code: string;
  readonly message: string;
  readonly field?: string;
  readonly upstreamCode?: string;
  readonly requestId?: string;
}

// Duck-typed so main.ts need not load core just to render an error.
function isCoreErrorShape(error: unknown): error is CoreErrorShape {
  return (
    error instanceof Error &&
    error.name === "CoreError" &&
    typeof (error as { code?: unknown }).code === "string"
  );
}

function networkCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^(ECONNREFUSED|ENOTFOUND|ECONNRESET|ETIMEDOUT|EAI_AGAIN)$/.test(code)) {
      return code;
    }
    current = current.cause;
  }
  return undefined;
}

export function renderError(error: unknown): RenderedError {
  if (error instanceof UsageError) {
    const hint = `Run 'boxafe-connect ${error.command ? `${error.command} ` : ""}--help' for usage.`;
    return { exitCode: ExitCode.Usage, code: "usage", message: error.message, hint };
  }
  if (error instanceof CancelledError) {
    return { exitCode: ExitCode.Cancelled, code: "cancelled", message: error.message };
  }
  if (isCoreErrorShape(error)) {
    const refused =
      error.code === "sign_in_failed" &&
      deviceCodeRefusals.test(`${error.upstreamCode ?? ""} ${error.message}`);
    return {
      exitCode: isKnownCode(error.code) ? exitByCode[error.code] : ExitCode.Failure,
      code: error.code,
      message: error.message,
      ...(refused ? { hint: browserHint } : {}),
      // Core names its request fields; the user typed flags.
      ...(error.field ? { field: flagOf(error.field) } : {}),
      ...(error.upstreamCode ? { upstreamCode: error.upstreamCode } : {}),
      ...(error.requestId ? { requestId: error.requestId } : {}),
    };
  }
  const text = error instanceof Error ? error.message : String(error);
  const msalCode = (error as { errorCode?: unknown } | undefined)?.errorCode;
  if (typeof msalCode === "string") {
    const refused = deviceCodeRefusals.test(text);
    return {
      exitCode: ExitCode.Failure,
      code: "sign_in_failed",
      message: `Sign-in failed: ${text.split("\n")[0]}`,
      hint: refused ? browserHint : "Check the tenant and try again; --verbose shows the details.",
      upstreamCode: msalCode,
    };
  }
  const net = networkCode(error);
  if (net) {
    return {
      exitCode: ExitCode.Failure,
      code: "unreachable",
      message: `Cannot reach the service (${net}).`,
      hint: "Check the URL and your network; for --sandbox URL, is the sandbox running?",
    };
  }
  return { exitCode: ExitCode.Failure, code: "internal_error", message: `Unexpected error: ${text}` };
}
