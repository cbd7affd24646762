import { randomBytes, randomUUID } from "node:crypto";
import type { SandboxContext } from "../context.js";
import type { ResourceSeed } from "../store/seed-resources.js";
import { ROLE } from "../store/tenant.js";
import type { Application, ServicePrincipal, User } from "../store/types.js";
import type { ResolvedScopes } from "./consent.js";

export interface TokenResponse {
  token_type: "Bearer";
  expires_in: number;
  ext_expires_in: number;
  access_token: string;
  scope?: string;
  refresh_token?: string;
  id_token?: string;
  client_info?: string;
}

function times(ctx: SandboxContext): { iat: number; nbf: number; exp: number; lifetime: number } {
  const iat = Math.floor(ctx.dir.now() / 1000);
  const lifetime = Math.max(1, Math.round(ctx.faults.spec.tokenLifetime));
  return { iat, nbf: iat - 300, exp: iat + lifetime, lifetime };
}

/** The v1-style issuer Graph-audience tokens carry (`https://sts.windows.net/{tid}/` in the real cloud). */
export function accessIssuer(ctx: SandboxContext): string {
  return `${ctx.origin}/${ctx.dir.tenant.id}/`;
}

export function idIssuer(ctx: SandboxContext): string {
  return `${ctx.origin}/${ctx.dir.tenant.id}/v2.0`;
}

/** App-only token: `roles` are read from the app role assignments held right now. */
export async function issueAppToken(
  ctx: SandboxContext,
  app: Application,
  sp: ServicePrincipal,
  resource: ResourceSeed,
  audience: string,
  appidacr: "1" | "2",
): Promise<TokenResponse> {
  const t = times(ctx);
  const roles = ctx.dir.rolesOf(sp.id, resource.spId);
  const claims: Record<string, unknown> = {
    aud: audience,
    iss: accessIssuer(ctx),
    iat: t.iat,
    nbf: t.nbf,
    exp: t.exp,
    aio: randomUUID(),
    app_displayname: app.displayName,
    appid: app.appId,
    appidacr,
    idp: accessIssuer(ctx),
    idtyp: "app",
    oid: sp.id,
    sub: sp.id,
    tid: ctx.dir.tenant.id,
    uti: randomBytes(16).toString("base64url"),
    ver: "1.0",
  };
  if (roles.length > 0) claims.roles = roles;
  const accessToken = await ctx.signer.sign(claims);
  return {
    token_type: "Bearer",
    expires_in: t.lifetime,
    ext_expires_in: t.lifetime,
    access_token: accessToken,
  };
}

export function widsOf(user: User): string[] {
  return [...user.roles, ROLE.defaultUser];
}

/** Who signs in to what: the client, the user, the scopes resolveScopes granted, and the request's. */
export interface UserTokenGrant {
  readonly client: { readonly appId: string; readonly displayName: string };
  readonly user: User;
  readonly resolved: Pick<ResolvedScopes, "audience" | "scopes" | "oidc">;
  readonly requestedScope: string;
  readonly nonce?: string;
  /** The user's home tenant when it is not this one (a partner admin through GDAP). */
  readonly homeTenantId?: string;
}

/** Delegated token set: access token with `scp` and `wids`, id token, refresh token, client_info. */
export async function issueUserTokens(ctx: SandboxContext, grant: UserTokenGrant): Promise<TokenResponse> {
  const { user, requestedScope, nonce, homeTenantId } = grant;
  const { appId: clientId, displayName: clientName } = grant.client;
  const { audience, scopes, oidc: oidcScopes } = grant.resolved;
  const t = times(ctx);
  const access = await ctx.signer.sign({
    aud: audience,
    iss: accessIssuer(ctx),
    iat: t.iat,
    nbf: t.nbf,
    exp: t.exp,
    acct: 0,
    acr: "1",
    amr: ["pwd"],
    app_displayname: clientName,
    appid: clientId,
    appidacr: "0",
    idtyp: "user",
    name: user.displayName,
    oid: user.id,
    scp: scopes.join(" "),
    sub: user.id,
    tid: ctx.dir.tenant.id,
    unique_name: user.userPrincipalName,
    upn: user.userPrincipalName,
    uti: randomBytes(16).toString("base64url"),
    ver: "1.0",
    wids: widsOf(user),
  });
  const idToken = await ctx.signer.sign({
    aud: clientId,
    iss: idIssuer(ctx),
    iat: t.iat,
    nbf: t.nbf,
    exp: t.iat + 3600,
    name: user.displayName,
    oid: user.id,
    preferred_username: user.userPrincipalName,
    sub: user.id,
    tid: ctx.dir.tenant.id,
    ver: "2.0",
    ...(nonce ? { nonce } : {}),
  });
  const refreshToken = `0.sandbox.${randomBytes(32).toString("base64url")}`;
  ctx.sessions.refresh.set(refreshToken, {
    clientId,
    userId: user.id,
    scope: requestedScope,
    homeTenantId: homeTenantId ?? ctx.dir.tenant.id,
  });
  const prefix = audience.startsWith("https://graph.microsoft.com") ? "" : `${audience.replace(/\/$/, "")}/`;
  return {
    token_type: "Bearer",
    scope: [...scopes.map((s) => `${prefix}${s}`), ...oidcScopes].join(" "),
    expires_in: t.lifetime,
    ext_expires_in: t.lifetime,
    access_token: access,
    refresh_token: refreshToken,
    id_token: idToken,
    client_info: Buffer.from(
      JSON.stringify({ uid: user.id, utid: homeTenantId ?? ctx.dir.tenant.id }),
    ).toString("base64url"),
  };
}
