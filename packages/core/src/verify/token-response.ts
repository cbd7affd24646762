/**
 * The one reading of a failed token-endpoint answer (Entra's OAuth error body, or msal's error built
 * from it): AADSTS number + OAuth `error` + HTTP status -> ErrorCode and whether waiting can help.
 * The msal-node port (runtime), the Worker's fetch port (api) and the browser port (web) all call
 * it, so a code means the same thing on every front end. Codes and meanings:
 * https://learn.microsoft.com/entra/identity-platform/reference-error-codes (the table: docs/entra-token-errors.md).
 * Only the AADSTS number is kept (as upstreamCode): Entra's description can echo request details.
 */
import { CoreError, type ErrorCode } from "../errors.js";
import { parseRetryAfter, retryAfterDelay } from "../graph/graph-error.js";

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
  /** Says what to do next; `what` names the client ("app <id>", "the sign-in"). */
  message(what: string): string;
}

interface Rule {
  readonly code: ErrorCode;
  readonly wait: TokenWait;
  readonly field?: TokenVerdict["field"];
  readonly text: (what: string) => string;
}

const conditionalAccess: Rule = {
  code: "sign_in_failed",
  wait: "final",
  text: () =>
    "Conditional Access refused this sign-in. Sign in with --auth browser, or ask the tenant's admin.",
};

const rules: Readonly<Record<number, Rule>> = {
  // Tenant
  90002: {
    code: "not_found",
    wait: "final",
    field: "tenantId",
    text: () => "The tenant was not found in this cloud. Check the tenant ID or domain.",
  },
  900023: {
    code: "not_found",
    wait: "final",
    field: "tenantId",
    text: () => "The tenant identifier is neither a GUID nor a domain name. Check the tenant ID.",
  },
  // The app and its credentials. A new app, service principal or secret is refused until it has
  // replicated to the token service: these are answers to wait out, not to report at once.
  700016: {
    code: "not_found",
    wait: "propagation",
    field: "clientId",
    text: (w) =>
      `The token service does not know ${w} in this tenant (yet). If the app was just made, wait a minute; otherwise check the Application (client) ID and the tenant.`,
  },
  7000229: {
    code: "not_found",
    wait: "propagation",
    field: "clientId",
    text: (w) => `${cap(w)} has no service principal in this tenant (yet). Re-run the setup to create it.`,
  },
  7000215: {
    code: "invalid_client_credentials",
    wait: "propagation",
    field: "credential",
    text: (w) =>
      `The client secret for ${w} was refused. If it was just made, wait a minute; otherwise check it, or make a new one.`,
  },
  700027: {
    code: "invalid_client_credentials",
    wait: "propagation",
    field: "credential",
    text: (w) =>
      `The certificate assertion for ${w} was refused. If the certificate was just added, wait a minute; otherwise check that it is on the app and not expired.`,
  },
  7000222: {
    code: "invalid_client_credentials",
    wait: "final",
    field: "credential",
    text: (w) => `The client secret for ${w} has expired. Make a new one (secret rotate).`,
  },
  700024: {
    code: "invalid_client_credentials",
    wait: "final",
    field: "credential",
    text: (w) =>
      `The certificate assertion for ${w} is outside its validity time. Check this computer's clock.`,
  },
  700023: {
    code: "invalid_client_credentials",
    wait: "final",
    field: "credential",
    text: (w) => `The certificate assertion for ${w} names the wrong client.`,
  },
  700212: {
    code: "invalid_client_credentials",
    wait: "final",
    field: "credential",
    text: (w) => `The certificate assertion for ${w} has the wrong audience.`,
  },
  50027: {
    code: "invalid_client_credentials",
    wait: "final",
    field: "credential",
    text: (w) => `The certificate assertion for ${w} is not a valid JWT.`,
  },
  50012: {
    code: "invalid_client_credentials",
    wait: "final",
    field: "credential",
    text: (w) => `The credentials for ${w} were refused.`,
  },
  7000218: {
    code: "invalid_client_credentials",
    wait: "final",
    field: "credential",
    text: (w) => `No client secret or certificate was sent for ${w}.`,
  },
  7000112: {
    code: "invalid_client_credentials",
    wait: "final",
    field: "clientId",
    text: (w) => `${cap(w)} is disabled in this tenant. Enable it in Entra ID (Enterprise applications).`,
  },
  700025: {
    code: "invalid_client_credentials",
    wait: "final",
    field: "clientId",
    text: (w) => `${cap(w)} is a public client: it takes no secret or certificate.`,
  },
  // Scope and resource
  1002012: {
    code: "invalid_input",
    wait: "final",
    field: "scope",
    text: () => "The scope must be a resource URI ending in /.default for an app token.",
  },
  70011: {
    code: "invalid_input",
    wait: "final",
    field: "scope",
    text: () => "The token service refused the scope. Check the resource.",
  },
  500011: {
    code: "not_found",
    wait: "final",
    field: "scope",
    text: () => "The resource's service principal is not in this tenant (is the service licensed?).",
  },
  // Delegated sign-in
  90055: {
    code: "throttled",
    wait: "retry",
    text: () =>
      "The Entra ID sign-in service is throttling or unavailable (AADSTS90055). Wait a few minutes and re-run.",
  },
  50034: {
    code: "sign_in_failed",
    wait: "final",
    text: () => "The account does not exist in this tenant. Sign in with an account of the tenant.",
  },
  50011: {
    code: "sign_in_failed",
    wait: "final",
    text: () => "The redirect URI is not registered on the sign-in app.",
  },
  50199: {
    code: "sign_in_failed",
    wait: "final",
    text: () => "The sign-in needs the user's confirmation in the browser (CmsiInterrupt).",
  },
  // Conditional Access and device-code refusals that a browser sign-in may get past.
  53000: conditionalAccess,
  53003: conditionalAccess,
  530033: conditionalAccess,
  530034: conditionalAccess,
  50097: conditionalAccess,
  50105: conditionalAccess,
  70000: {
    code: "sign_in_failed",
    wait: "final",
    text: () => "The sign-in grant is invalid or was already used. Sign in again.",
  },
  70008: {
    code: "sign_in_failed",
    wait: "final",
    text: () => "The sign-in grant has expired. Sign in again.",
  },
  54005: {
    code: "sign_in_failed",
    wait: "final",
    text: () => "The authorization code was already redeemed. Sign in again.",
  },
  70020: {
    code: "sign_in_failed",
    wait: "final",
    text: () => "The device code expired before anyone signed in. Sign in again.",
  },
  500112: {
    code: "sign_in_failed",
    wait: "final",
    text: () => "The redirect URI does not match the one the sign-in started with.",
  },
  501481: {
    code: "sign_in_failed",
    wait: "final",
    text: () => "The PKCE code verifier does not match the sign-in's challenge.",
  },
  9002313: {
    code: "sign_in_failed",
    wait: "final",
    text: () => "The refresh token is invalid. Sign in again.",
  },
  9002325: { code: "sign_in_failed", wait: "final", text: () => "Cross-origin sign-in needs PKCE." },
  700054: {
    code: "sign_in_failed",
    wait: "final",
    text: () => "The sign-in app does not allow the requested response type.",
  },
};

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function verdict(rule: Rule): TokenVerdict {
  return {
    code: rule.code,
    wait: rule.wait,
    ...(rule.field ? { field: rule.field } : {}),
    message: rule.text,
  };
}

export function classifyTokenFailure(failure: TokenFailure): TokenVerdict {
  const known = failure.aadsts === undefined ? undefined : rules[failure.aadsts];
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
  if (failure.error === "invalid_grant" || failure.error === "interaction_required") {
    return verdict({
      code: "sign_in_failed",
      wait: "final",
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
  const network =
    aadsts === undefined &&
    /network|fetch failed|ECONNREFUSED|ENOTFOUND|ECONNRESET|ETIMEDOUT|certificate/i.test(
      `${errorCode} ${described}`,
    );
  return {
    ...(status === undefined ? {} : { status }),
    ...(errorCode ? { error: errorCode } : {}),
    ...(aadsts === undefined ? {} : { aadsts }),
    ...(network ? { network } : {}),
  };
}
