import type { SandboxContext } from "../context.js";
import { GRAPH_SEED, type ResourceSeed } from "../store/seed-resources.js";
import { PUBLIC_CLIENTS, ROLE } from "../store/tenant.js";
import type { User } from "../store/types.js";
import { OAuthError, oauth } from "./oauth-error.js";

const OIDC = new Set(["openid", "profile", "offline_access", "email"]);

/** Roles that may consent to delegated permissions for the whole tenant (so their own sign-in gets them). */
const CONSENT_ROLES: string[] = [
  ROLE.globalAdministrator,
  ROLE.privilegedRoleAdministrator,
  ROLE.applicationAdministrator,
  ROLE.cloudApplicationAdministrator,
];

export interface DelegatedClient {
  appId: string;
  displayName: string;
  /** Object id of the client's service principal in this tenant, when it has one. */
  spId: string | null;
}

/** Known public clients: the first-party/pre-registered ones, or apps registered in the tenant. */
export function findPublicClient(ctx: SandboxContext, clientId: string): DelegatedClient | undefined {
  const builtin = PUBLIC_CLIENTS[clientId];
  const sp = ctx.dir.spByAppId(clientId);
  if (builtin) return { appId: clientId, displayName: builtin.displayName, spId: sp?.id ?? null };
  const app = ctx.dir.appByAppId(clientId);
  if (!app) return undefined;
  return { appId: app.appId, displayName: app.displayName, spId: sp?.id ?? null };
}

export interface ResolvedScopes {
  resource: ResourceSeed;
  audience: string;
  scopes: string[];
  oidc: string[];
}

function grantedByGrant(
  ctx: SandboxContext,
  client: DelegatedClient,
  user: User,
  resource: ResourceSeed,
): string[] {
  if (!client.spId) return [];
  return ctx.dir.data.oauth2PermissionGrants
    .filter((g) => g.clientId === client.spId && g.resourceId === resource.spId)
    .filter((g) => g.consentType === "AllPrincipals" || g.principalId === user.id)
    .flatMap((g) => g.scope.split(" ").filter(Boolean));
}

/**
 * Which requested delegated scopes the token will carry. An administrator who may consent gets what the
 * client asked for; anyone else gets user-consentable scopes plus what an existing grant covers.
 * Scopes the user cannot consent to are left out rather than failing the sign-in.
 */
export function resolveScopes(
  ctx: SandboxContext,
  client: DelegatedClient,
  user: User,
  scope: string,
): ResolvedScopes {
  const parts = scope.split(/\s+/).filter(Boolean);
  const oidc = parts.filter((p) => OIDC.has(p));
  const rest = parts.filter((p) => !OIDC.has(p));
  let resource: ResourceSeed | undefined;
  let audience = "https://graph.microsoft.com";
  const values: string[] = [];
  for (const part of rest) {
    const slash = part.lastIndexOf("/");
    const prefix = slash > 0 ? part.slice(0, slash) : "https://graph.microsoft.com";
    const value = slash > 0 ? part.slice(slash + 1) : part;
    const r = ctx.dir.resourceFor(prefix);
    if (!r) throw oauth.unknownResource(prefix, ctx.dir.data.users[0]?.userPrincipalName.split("@")[1] ?? "");
    if (resource && resource.key !== r.key) {
      throw new OAuthError(
        400,
        "invalid_scope",
        28000,
        "Provided value for the input parameter scope is not valid because it contains more than one resource.",
      );
    }
    resource = r;
    audience = slash > 0 ? prefix.replace(/\/$/, "") : audience;
    values.push(value);
  }
  const res = resource ?? GRAPH_SEED;
  const isAdmin = user.roles.some((r) => CONSENT_ROLES.includes(r));
  const granted = new Set(grantedByGrant(ctx, client, user, res));
  let wanted = values;
  if (values.includes(".default")) {
    const required =
      ctx.dir
        .appByAppId(client.appId)
        ?.requiredResourceAccess.filter((r) => r.resourceAppId === res.appId)
        .flatMap((r) => r.resourceAccess.filter((a) => a.type === "Scope"))
        .map((a) => res.scopes.find((s) => s[1] === a.id)?.[0])
        .filter((v): v is string => typeof v === "string") ?? [];
    wanted = [...new Set([...granted, ...(isAdmin ? required : []), "User.Read"])].filter((v) =>
      res.scopes.some((s) => s[0] === v),
    );
  }
  // Like Entra, an OpenID sign-in to Graph also carries User.Read (consented with the sign-in itself).
  if (
    res.key === "graph" &&
    (oidc.includes("openid") || oidc.includes("profile")) &&
    !wanted.includes(".default")
  ) {
    wanted = [...wanted, "User.Read"];
  }
  const scopes: string[] = [];
  for (const value of wanted) {
    const known = res.scopes.find((s) => s[0].toLowerCase() === value.toLowerCase());
    if (!known) throw oauth.invalidScope(`${audience}/${value}`);
    if (known[3] === "User" || isAdmin || granted.has(known[0])) scopes.push(known[0]);
  }
  // Entra's tokens carry every scope already consented for this client and resource, asked for or not.
  for (const value of granted) if (res.scopes.some((row) => row[0] === value)) scopes.push(value);
  return { resource: res, audience, scopes: [...new Set(scopes)], oidc };
}
