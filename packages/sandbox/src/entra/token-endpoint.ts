import { createHash } from "node:crypto";
import type { RefreshSession, SandboxContext } from "../context.js";
import { checkDeclinedScopes, checkDeviceCodeSignIn } from "../policies/effects.js";
import type { User } from "../store/types.js";
import { authenticateClient } from "./client-auth.js";
import { findPublicClient, resolveScopes } from "./consent.js";
import { OAuthError, oauth } from "./oauth-error.js";
import { recordSignIn } from "./sign-in-trace.js";
import { issueAppToken, issueUserTokens, type TokenResponse } from "./tokens.js";

export function checkTenant(ctx: SandboxContext, tenant: string): void {
  const aliases = [ctx.dir.tenant.id, ctx.dir.tenant.domain, "organizations", "common"];
  if (!aliases.includes(tenant.toLowerCase())) throw oauth.tenantNotFound(tenant);
}

async function clientCredentials(
  ctx: SandboxContext,
  form: Record<string, string>,
  tenant: string,
): Promise<TokenResponse> {
  const scope = form.scope;
  if (!scope) throw oauth.missing("scope");
  const { app, sp, acr } = await authenticateClient(ctx, form, tenant);
  if (!scope.endsWith("/.default") || scope.includes(" ")) throw oauth.badScope(scope);
  const identifier = scope.slice(0, -"/.default".length);
  const resource = ctx.dir.resourceFor(identifier);
  // A Microsoft resource with no service principal in this tenant is unknown here too (AADSTS500011).
  if (!resource || !ctx.dir.spById(resource.spId))
    throw oauth.unknownResource(identifier, ctx.dir.tenant.domain);
  return issueAppToken(ctx, app, sp, resource, identifier.replace(/\/$/, ""), acr);
}

async function userTokens(
  ctx: SandboxContext,
  clientId: string,
  userId: string,
  scope: string,
  nonce?: string,
  flow: "deviceCode" | "other" = "other",
): Promise<TokenResponse> {
  const client = findPublicClient(ctx, clientId);
  if (!client) throw oauth.unknownApp(clientId, ctx.dir.tenant.id);
  const user = ctx.dir.user(userId);
  if (!user) throw oauth.badGrant(50034, "The user account does not exist in the directory.");
  const r = resolveScopes(ctx, client, user, scope);
  // Tenant policies (policies/effects.ts): refused consent, then Conditional Access on the device code flow.
  checkDeclinedScopes(
    ctx.dir,
    client,
    scope.split(/\s+/).map((part) => part.slice(part.lastIndexOf("/") + 1)),
  );
  if (flow === "deviceCode") checkDeviceCodeSignIn(ctx.dir, user, r.resource.appId);
  // The consent given at sign-in stays in the tenant: the client's service principal and a grant.
  recordSignIn(ctx, client, user, r.resource, r.scopes);
  return issueUserTokens(ctx, { client, user, resolved: r, requestedScope: scope, nonce });
}

async function deviceCode(ctx: SandboxContext, form: Record<string, string>): Promise<TokenResponse> {
  const code = form.device_code;
  if (!code) throw oauth.missing("device_code");
  const session = ctx.sessions.devices.get(code);
  if (!session || session.clientId !== form.client_id) {
    throw oauth.badGrant(70000, "Provided grant is invalid or malformed.");
  }
  if (session.expiresAt <= ctx.dir.now()) throw oauth.deviceExpired();
  if (session.declined)
    throw new OAuthError(400, "authorization_declined", 70019, "The user declined the sign-in.");
  if (!session.userId) throw oauth.pending();
  ctx.sessions.devices.delete(code);
  return userTokens(
    ctx,
    session.clientId,
    session.userId,
    form.scope || session.scope,
    undefined,
    "deviceCode",
  );
}

function pkceMatches(verifier: string, challenge: string, method: string | null): boolean {
  if (method === "plain") return verifier === challenge;
  return createHash("sha256").update(verifier).digest("base64url") === challenge;
}

async function authorizationCode(ctx: SandboxContext, form: Record<string, string>): Promise<TokenResponse> {
  const code = form.code;
  if (!code) throw oauth.missing("code");
  const grant = ctx.sessions.codes.get(code);
  if (!grant || grant.clientId !== form.client_id)
    throw oauth.badGrant(70000, "Provided grant is invalid or malformed.");
  if (grant.used)
    throw oauth.badGrant(
      54005,
      "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.",
    );
  if (grant.expiresAt <= ctx.dir.now())
    throw oauth.badGrant(
      70008,
      "The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.",
    );
  if (form.redirect_uri !== grant.redirectUri) {
    throw oauth.badGrant(
      500112,
      "The reply address does not match the reply address provided when requesting Authorization code.",
    );
  }
  if (grant.challenge) {
    if (!form.code_verifier) throw oauth.missing("code_verifier");
    if (!pkceMatches(form.code_verifier, grant.challenge, grant.method)) {
      throw oauth.badGrant(
        501481,
        "The Code_Verifier does not match the code_challenge supplied in the authorization request.",
      );
    }
  }
  grant.used = true;
  return userTokens(ctx, grant.clientId, grant.userId, form.scope || grant.scope, grant.nonce);
}

/** Tokens in this tenant for a partner admin (GDAP): their roles here are the relationship's. */
async function foreignUserTokens(
  ctx: SandboxContext,
  session: RefreshSession,
  user: User,
  scope: string,
): Promise<TokenResponse> {
  const client = findPublicClient(ctx, session.clientId);
  // Stricter than unsure: a client with no service principal here has never been consented in this
  // tenant, and a silent sign-in cannot ask for consent (AADSTS65001, consent_required).
  if (!client?.spId) throw oauth.consentRequired(session.clientId);
  const r = resolveScopes(ctx, client, user, scope);
  return issueUserTokens(ctx, {
    client,
    user,
    resolved: r,
    requestedScope: scope,
    homeTenantId: session.homeTenantId,
  });
}

async function refreshToken(ctx: SandboxContext, form: Record<string, string>): Promise<TokenResponse> {
  const token = form.refresh_token;
  if (!token) throw oauth.missing("refresh_token");
  const session = ctx.sessions.refresh.get(token);
  if (!session || session.clientId !== form.client_id) {
    throw oauth.badGrant(9002313, "Invalid request. Request is malformed or invalid.");
  }
  if (session.homeTenantId && session.homeTenantId !== ctx.dir.tenant.id) {
    // A refresh token from the user's home tenant redeemed at this tenant's authority: the partner
    // admin's silent sign-in to a customer (GDAP). Entra keeps refresh tokens valid after use, so a
    // fleet's parallel silent sign-ins may share one; only this path models that (stricter elsewhere).
    if (!ctx.foreign) throw oauth.badGrant(9002313, "Invalid request. Request is malformed or invalid.");
    const user = ctx.foreign.signIn(session.homeTenantId, session.userId);
    return foreignUserTokens(ctx, session, user, form.scope || session.scope);
  }
  ctx.sessions.refresh.delete(token);
  return userTokens(ctx, session.clientId, session.userId, form.scope || session.scope);
}

/** POST /{tenant}/oauth2/v2.0/token. */
export async function handleToken(
  ctx: SandboxContext,
  tenant: string,
  form: Record<string, string>,
): Promise<TokenResponse> {
  checkTenant(ctx, tenant);
  const grant = form.grant_type;
  if (!grant) throw oauth.missing("grant_type");
  if (
    grant !== "client_credentials" &&
    (form.client_secret !== undefined || form.client_assertion !== undefined)
  ) {
    const app = ctx.dir.appByAppId(form.client_id ?? "");
    if (!app) throw oauth.publicClientOnly(form.client_id ?? "");
  }
  switch (grant) {
    case "client_credentials":
      return clientCredentials(ctx, form, tenant);
    case "device_code":
    case "urn:ietf:params:oauth:grant-type:device_code":
      return deviceCode(ctx, form);
    case "authorization_code":
      return authorizationCode(ctx, form);
    case "refresh_token":
      return refreshToken(ctx, form);
    default:
      throw oauth.unsupportedGrant(grant);
  }
}
