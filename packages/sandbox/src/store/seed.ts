import { defaultPolicies } from "../policies/store.js";
import FIRST_PARTY from "./fixtures/first-party-apps.gen.json" with { type: "json" };
import { RESOURCE_SEEDS, type ResourceSeed, tenantAudiences } from "./seed-resources.js";
import { DEFAULT_TENANT, type TenantIdentity } from "./tenant.js";
import type { DirectoryData, ServicePrincipal, User } from "./types.js";

/** Microsoft's own tenant, which owns the first-party resource apps. */
const MICROSOFT_TENANT_ID = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";

export function resourcePrincipal(seed: ResourceSeed, tenant: TenantIdentity): ServicePrincipal {
  return {
    id: seed.spId,
    appId: seed.appId,
    displayName: seed.displayName,
    appDisplayName: seed.displayName,
    servicePrincipalType: "Application",
    servicePrincipalNames: [seed.appId, ...tenantAudiences(seed, tenant).filter((a) => !a.endsWith("/"))],
    accountEnabled: true,
    appOwnerOrganizationId: MICROSOFT_TENANT_ID,
    appRoles: seed.roles.map(([value, id, displayName]) => ({
      id,
      value,
      displayName,
      description:
        seed.descriptions?.get(id) ??
        `Allows the app to ${displayName.toLowerCase()} without a signed-in user.`,
      allowedMemberTypes: ["Application"],
      isEnabled: true,
      origin: "Application" as const,
    })),
    oauth2PermissionScopes: seed.scopes.map(([value, id, displayName, type]) => ({
      id,
      value,
      type,
      adminConsentDisplayName: displayName,
      adminConsentDescription:
        seed.descriptions?.get(id) ??
        `Allows the app to ${displayName.toLowerCase()} on behalf of the signed-in user.`,
      userConsentDisplayName: type === "User" ? displayName : null,
      userConsentDescription: type === "User" ? displayName : null,
      isEnabled: true,
    })),
    tags: [],
    owners: [],
    createdAt: 0,
  };
}

/** A fresh copy of the seed directory (every call returns new objects). */
/**
 * A few hundred Microsoft first-party service principals a real tenant holds (names, appIds and owner tenant
 * from the public list in fixtures/first-party-apps.gen.json), so lists page and lookups by appId must be
 * exact. They expose no roles or scopes here.
 */
function firstPartyPrincipals(): ServicePrincipal[] {
  return (FIRST_PARTY.apps as [string, string, string][]).map(([appId, name, owner], i) => ({
    id: `c1000000-0000-4000-8000-${String(i + 1).padStart(12, "0")}`,
    appId,
    displayName: name,
    appDisplayName: name,
    servicePrincipalType: "Application",
    servicePrincipalNames: [appId],
    accountEnabled: true,
    appOwnerOrganizationId: owner,
    appRoles: [],
    oauth2PermissionScopes: [],
    tags: [],
    owners: [],
    createdAt: 0,
  }));
}

/**
 * A fresh copy of the seed directory. `absent` leaves out resource service principals a tenant may lack
 * (older tenants miss OneNote or Azure AD Graph until something creates them: POST /servicePrincipals).
 */
export function seedDirectory(
  tenant: TenantIdentity = DEFAULT_TENANT,
  absent: readonly ResourceSeed["key"][] = [],
): DirectoryData {
  const users: User[] = tenant.users.map((u) => ({
    id: u.id,
    userPrincipalName: u.userPrincipalName,
    displayName: u.displayName,
    mail: u.userPrincipalName,
    roles: [...u.roles],
  }));
  return {
    applications: [],
    servicePrincipals: [
      ...RESOURCE_SEEDS.filter((r) => !absent.includes(r.key)).map((seed) => resourcePrincipal(seed, tenant)),
      ...firstPartyPrincipals(),
    ],
    appRoleAssignments: [],
    oauth2PermissionGrants: [],
    users,
    policies: defaultPolicies(),
  };
}
