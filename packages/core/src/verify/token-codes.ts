/**
 * Entra's AADSTS codes the project handles, each with the ErrorCode it becomes, whether waiting can help,
 * the request field at fault, whether an interactive sign-in may get past it, and what to do next.
 * Codes and meanings: https://learn.microsoft.com/entra/identity-platform/reference-error-codes (the
 * table: docs/entra-token-errors.md). token-response.ts classifies an answer with it.
 */
import type { ErrorCode } from "../errors.js";
import type { TokenVerdict, TokenWait } from "./token-response.js";

export interface TokenRule {
  readonly code: ErrorCode;
  readonly wait: TokenWait;
  readonly field?: TokenVerdict["field"];
  /** A silent token was refused, but the user's own interactive sign-in in that tenant may succeed. */
  readonly interactive?: true;
  readonly text: (what: string) => string;
}

const conditionalAccess: TokenRule = {
  code: "sign_in_failed",
  wait: "final",
  text: () =>
    "Conditional Access refused this sign-in. Sign in with --auth browser, or ask the tenant's admin.",
};

export const tokenRules: Readonly<Record<number, TokenRule>> = {
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
    // A public client not yet in a customer tenant: a sign-in there (with consent) creates it.
    interactive: true,
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
      // Entra gives this one answer for a secret not yet replicated, one removed from the app and a
      // value it never had (reference-error-codes: "Invalid client secret provided"): say all three.
      `The client secret for ${w} was refused: the app does not hold it (yet). If it was just made, wait a minute; otherwise it may have been removed from the app or mistyped: compare its first characters with secret list, or make a new one (secret rotate).`,
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
  // A partner's silent token for a customer tenant that only the tenant's own interactive sign-in can get
  // (a fleet's fallback when GDAP does not reach): not in the tenant, no consent, MFA needed.
  50020: {
    code: "sign_in_failed",
    wait: "final",
    interactive: true,
    text: () =>
      "The account is not in this tenant and no delegated admin relationship lets it in. Sign in with an account of the tenant.",
  },
  90072: {
    code: "sign_in_failed",
    wait: "final",
    interactive: true,
    text: () =>
      "The account does not exist in this tenant (a guest must be added first). Sign in with an account of the tenant.",
  },
  65001: {
    code: "sign_in_failed",
    wait: "final",
    interactive: true,
    text: () => "The sign-in app has no consent in this tenant. Sign in as the tenant's admin to consent.",
  },
  50076: {
    code: "sign_in_failed",
    wait: "final",
    interactive: true,
    text: () => "The tenant asks for multi-factor authentication for this sign-in. Sign in interactively.",
  },
  50079: {
    code: "sign_in_failed",
    wait: "final",
    interactive: true,
    text: () => "The account must register for multi-factor authentication. Sign in interactively.",
  },
  // Conditional Access and device-code refusals that a browser sign-in may get past.
  53000: conditionalAccess,
  53003: { ...conditionalAccess, interactive: true },
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
