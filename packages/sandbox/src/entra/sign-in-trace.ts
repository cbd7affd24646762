/**
 * What an interactive sign-in leaves in the tenant, as Entra does it: the first sign-in to a multi-tenant or
 * first-party public client creates its service principal ("the enterprise application"), and the consent
 * given there is stored as an oauth2PermissionGrant. An administrator consenting for the organization
 * leaves an AllPrincipals grant; a user consenting for themself a Principal grant naming them. Later tokens
 * carry those scopes (consent.ts reads the grants back).
 * Sources (MS): learn.microsoft.com/entra/identity/enterprise-apps/user-admin-consent-overview ("When a user
 * or administrator grants consent ... a service principal is created in the tenant if one doesn't already
 * exist"; admin consent "on behalf of the organization" vs a user's own) and learn.microsoft.com/graph/api/
 * resources/oauth2permissiongrant (consentType AllPrincipals / Principal).
 * Assumption, stated: the sandbox's consenting administrators always tick "Consent on behalf of your
 * organization" (so an admin's sign-in leaves AllPrincipals); others leave a Principal grant.
 */
import type { SandboxContext } from "../context.js";
import { opaqueId } from "../graph/assignments.js";
import type { ResourceSeed } from "../store/seed-resources.js";
import { PUBLIC_CLIENTS, ROLE } from "../store/tenant.js";
import type { ServicePrincipal, User } from "../store/types.js";
import type { DelegatedClient } from "./consent.js";

/** Microsoft's own tenant: the owner of first-party clients such as Microsoft Graph Command Line Tools. */
const MICROSOFT_SERVICES_TENANT = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";

const CONSENT_ROLES: string[] = [
  ROLE.globalAdministrator,
  ROLE.privilegedRoleAdministrator,
  ROLE.applicationAdministrator,
  ROLE.cloudApplicationAdministrator,
];

function clientPrincipal(ctx: SandboxContext, client: DelegatedClient): ServicePrincipal {
  const existing = ctx.dir.spByAppId(client.appId);
  if (existing) return existing;
  const own = ctx.dir.appByAppId(client.appId);
  const sp: ServicePrincipal = {
    id: ctx.dir.newId(),
    appId: client.appId,
    displayName: client.displayName,
    appDisplayName: client.displayName,
    servicePrincipalType: "Application",
    servicePrincipalNames: [client.appId],
    accountEnabled: true,
    appOwnerOrganizationId:
      own || !PUBLIC_CLIENTS[client.appId] ? ctx.dir.tenant.id : MICROSOFT_SERVICES_TENANT,
    appRoles: [],
    oauth2PermissionScopes: [],
    tags: [],
    owners: [],
    createdAt: ctx.dir.now(),
  };
  ctx.dir.data.servicePrincipals.push(sp);
  return sp;
}

/** Records the consent behind a delegated token; writes only when something new was consented. */
export function recordSignIn(
  ctx: SandboxContext,
  client: DelegatedClient,
  user: User,
  resource: ResourceSeed,
  scopes: readonly string[],
): void {
  const consentable = scopes.filter((s) => resource.scopes.some((row) => row[0] === s));
  if (consentable.length === 0) return;
  const sp = clientPrincipal(ctx, client);
  const admin = user.roles.some((r) => CONSENT_ROLES.includes(r));
  const consentType = admin ? "AllPrincipals" : "Principal";
  const principalId = admin ? null : user.id;
  const grants = ctx.dir.data.oauth2PermissionGrants;
  const grant = grants.find(
    (g) =>
      g.clientId === sp.id &&
      g.resourceId === resource.spId &&
      g.consentType === consentType &&
      g.principalId === principalId,
  );
  if (grant) {
    const held = new Set(grant.scope.split(" ").filter(Boolean));
    const added = consentable.filter((s) => !held.has(s));
    if (added.length > 0) grant.scope = [...held, ...added].join(" ");
  } else {
    grants.push({
      id: opaqueId(),
      clientId: sp.id,
      consentType,
      principalId,
      resourceId: resource.spId,
      scope: consentable.join(" "),
    });
  }
  ctx.dir.save();
}
