/**
 * Cross-origin token redemption, as Entra does it: a browser's request to the token endpoint (it carries
 * an Origin other than the endpoint's own) is served only for a client registered as a single-page
 * application, and only for the SPA flows (authorization code with a `spa` redirect URI, refresh token).
 * Anything else, a client secret or certificate above all, gets
 * AADSTS9002326 "Cross-origin token redemption is permitted only for the 'Single-Page Application'
 * client-type." Source (MS): learn.microsoft.com/entra/identity-platform/reference-error-codes (9002326) and
 * learn.microsoft.com/entra/identity-platform/reference-third-party-cookies-spas / "How to migrate a
 * JavaScript app from the implicit grant flow to the auth code flow": "the redirect URIs ... in the
 * Single-page application platform", CORS-enabled token redemption for SPA redirect URIs only.
 * Stricter where unsure: a confidential credential from a browser is refused even for an app that also
 * has SPA redirect URIs (Entra treats a request with a secret as a confidential client).
 */
import type { SandboxContext } from "../context.js";
import { PUBLIC_CLIENTS } from "../store/tenant.js";
import { OAuthError } from "./oauth-error.js";

function refused(origin: string): OAuthError {
  return new OAuthError(
    400,
    "invalid_request",
    9002326,
    `Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type. Request origin: '${origin}'.`,
  );
}

function isSpaRedirect(ctx: SandboxContext, clientId: string, redirectUri: string | undefined): boolean {
  const builtin = PUBLIC_CLIENTS[clientId];
  if (builtin) {
    if (!builtin.kinds.includes("spa")) return false;
    // The pre-registered SPA accepts any loopback redirect, as README says.
    return (
      redirectUri === undefined ||
      /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/.test(redirectUri)
    );
  }
  const app = ctx.dir.appByAppId(clientId);
  if (!app) return false;
  if (redirectUri === undefined) return app.spa.redirectUris.length > 0;
  return app.spa.redirectUris.includes(redirectUri);
}

/** Throws AADSTS9002326 for a cross-origin redemption a browser may not make. */
export function checkCrossOrigin(
  ctx: SandboxContext,
  origin: string | undefined,
  form: Record<string, string>,
  redirectUriOfCode: string | undefined,
): void {
  if (!origin || origin === ctx.origin) return;
  const clientId = form.client_id ?? "";
  const confidential = form.client_secret !== undefined || form.client_assertion !== undefined;
  if (confidential) throw refused(origin);
  if (form.grant_type === "authorization_code" && isSpaRedirect(ctx, clientId, redirectUriOfCode)) return;
  if (form.grant_type === "refresh_token" && isSpaRedirect(ctx, clientId, undefined)) return;
  throw refused(origin);
}
