/**
 * The one reading of a failed token-endpoint answer (Entra's OAuth error body, or msal's error built
 * from it): AADSTS number + OAuth `error` + HTTP status -> ErrorCode and whether waiting can help.
 * The msal-node port (runtime), the Worker's fetch port (api) and the browser port (web) all call
 * it, so a code means the same thing on every front end. Codes and meanings:
 * https://learn.microsoft.com/entra/identity-platform/reference-error-codes (the table: docs/entra-token-errors.md).
 * Only the AADSTS number is kept (as upstreamCode): Entra's description can echo request details.
 */
import { CoreError, type ErrorCode } from "../errors.js";
import { type TokenRule, tokenRules } from "./token-codes.js";

/**
 * - `propagation`: normal right after a credential, app or service principal was made (Entra
 *   replicates them with no documented SLA); retry within the caller's credential grace.
 * - `retry`: transient (throttling, 5xx, network); retry with backoff within the deadline.
 * - `final`: waiting cannot change the answer.
 */
export type TokenWait = "propagation" | "retry" | "final";

export interface TokenFailure {
  /** HTTP status of the token endpoint's answer; undefined when none arrived (network). */
  readonly status?: number | undefined;
  /** OAuth 2.0 `error`, e.g. "invalid_client". */
  readonly error?: string | undefined;
  /** The first of Entra's `error_codes` (the number after AADSTS). */
  readonly aadsts?: number | undefined;
  /** No answer at all: DNS, refused connection, TLS. */
  readonly network?: boolean;
  /** The answer's Retry-After in seconds, when a throttled answer carried one (an HTTP caller gets it passed on). */
  readonly retryAfterSeconds?: number | undefined;
}

export interface TokenVerdict {
  readonly code: ErrorCode;
  readonly wait: TokenWait;
  /** The request field at fault, when one is. */
  readonly field?: "tenantId" | "clientId" | "credential" | "scope";
  /**
   * A silent (refresh-token) request was refused in a way the user's own interactive sign-in in that
   * tenant may get past: not in the tenant (AADSTS50020, 90072), no consent (65001), MFA (50076, 50079),
   * Conditional Access (53003), the client not in the tenant yet (700016), `interaction_required`.
   */
  readonly needsInteractiveSignIn: boolean;
  /** Says what to do next; `what` names the client ("app <id>", "the sign-in"). */
  message(what: string): string;
}

function verdict(rule: TokenRule): TokenVerdict {
  return {
    code: rule.code,
    wait: rule.wait,
    ...(rule.field ? { field: rule.field } : {}),
    needsInteractiveSignIn: rule.interactive === true,
    message: rule.text,
  };
}

/** OAuth errors (RFC 6749, OpenID Connect Core 3.1.2.6) that ask for the user at the authorization endpoint. */
const INTERACTIVE_ERRORS = new Set(["interaction_required", "consent_required", "login_required"]);

export function classifyTokenFailure(failure: TokenFailure): TokenVerdict {
  const known = failure.aadsts === undefined ? undefined : tokenRules[failure.aadsts];
  if (known) return verdict(known);
  if (failure.network) {
    return verdict({
      code: "unreachable",
      wait: "retry",
      text: (w) =>
        `The token service could not be reached for ${w}. Check the network (and the CA for a sandbox).`,
    });
  }
  const status = failure.status;
  if (status === 429 || status === 503 || failure.error === "temporarily_unavailable") {
    return verdict({
      code: "throttled",
      wait: "retry",
      text: () => "The token service is throttling requests. Wait a moment and re-run.",
    });
  }
  if (status !== undefined && status >= 500) {
    return verdict({
      code: "graph_request_failed",
      wait: "retry",
      text: () => "The token service failed. Try again later.",
    });
  }
  if (failure.error === "invalid_client" || failure.error === "unauthorized_client") {
    return verdict({
      code: "invalid_client_credentials",
      wait: "final",
      field: "credential",
      text: (w) => `The credentials for ${w} were refused.`,
    });
  }
  if (failure.error === "invalid_grant" || INTERACTIVE_ERRORS.has(failure.error ?? "")) {
    return verdict({
      code: "sign_in_failed",
      wait: "final",
      ...(failure.error === "invalid_grant" ? {} : { interactive: true as const }),
      text: (w) => `The token service refused ${w}. Sign in again.`,
    });
  }
  const upstream = upstreamOf(failure);
  return verdict({
    code: "graph_request_failed",
    wait: "final",
    text: (w) => `The token service refused ${w}${upstream ? ` (${upstream})` : ""}.`,
  });
}

/** "AADSTS7000215", else the OAuth `error`, else nothing. */
export function upstreamOf(failure: TokenFailure): string | undefined {
  return failure.aadsts === undefined ? failure.error : `AADSTS${failure.aadsts}`;
}

/** The CoreError for a token failure, carrying the status and upstream code (never Entra's text). */
export function tokenError(failure: TokenFailure, what: string, cause?: unknown): CoreError {
  const v = classifyTokenFailure(failure);
  const upstreamCode = upstreamOf(failure);
  return new CoreError(v.code, v.message(what), {
    ...(cause === undefined ? {} : { cause }),
    ...(failure.status === undefined ? {} : { status: failure.status }),
    ...(upstreamCode === undefined ? {} : { upstreamCode }),
    ...(v.code === "throttled" && failure.retryAfterSeconds !== undefined
      ? { retryAfterSeconds: failure.retryAfterSeconds }
      : {}),
  });
}

/** The AADSTS number in a text such as msal's errorMessage ("AADSTS7000215: Invalid ..."). */
export function aadstsIn(text: string): number | undefined {
  const digits = /AADSTS(\d{4,9})/.exec(text)?.[1];
  return digits === undefined ? undefined : Number(digits);
}

/** How long waiting may help for a token port's CoreError (verify and rotation's proof poll on it). */
export function tokenErrorWait(error: CoreError): TokenWait {
  if (error.code === "unreachable" || error.code === "throttled") return "retry";
  const aadsts = aadstsIn(error.upstreamCode ?? "");
  return classifyTokenFailure({
    status: error.status,
    aadsts,
    ...(aadsts === undefined && error.upstreamCode ? { error: error.upstreamCode } : {}),
  }).wait;
}

/** Whether a refused silent token calls for the user's own sign-in in that tenant (a fleet's per-tenant fallback). */
export function needsInteractiveSignIn(failure: TokenFailure): boolean {
  return classifyTokenFailure(failure).needsInteractiveSignIn;
}
