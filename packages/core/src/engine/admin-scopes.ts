/**
 * The delegated Microsoft Graph scopes the admin sign-in asks for, each with the engine's calls that
 * need it (Microsoft's per-call permission tables, learn.microsoft.com/graph/api/<page>). The sandbox
 * enforces the same tables (packages/sandbox/src/graph/permission-table.ts), so a missing scope fails
 * every test, as it would fail a fresh tenant.
 */

export interface AdminScope {
  readonly value: string;
  /** The calls that need it, and the table that says so. */
  readonly why: string;
}

export const ADMIN_SCOPES: readonly AdminScope[] = [
  {
    value: "Application.ReadWrite.All",
    why:
      "upsert the app (PATCH /applications(uniqueName=…), application-upsert) and its service principal " +
      "(serviceprincipal-upsert), addPassword/removePassword, keyCredentials, delete; it also reads apps and " +
      "service principals (application-get, serviceprincipal-get/list) and is the 'Application.Read.All' half " +
      "of the role-grant combination below.",
  },
  {
    value: "AppRoleAssignment.ReadWrite.All",
    why:
      "grant and revoke application permissions: POST/DELETE /servicePrincipals/{id}/appRoleAssignments " +
      "need 'AppRoleAssignment.ReadWrite.All and Application.Read.All' (serviceprincipal-post-approleassignments, " +
      "serviceprincipal-delete-approleassignedto).",
  },
  {
    value: "DelegatedPermissionGrant.ReadWrite.All",
    why:
      "admin consent for delegated permissions: GET/POST/PATCH/DELETE /oauth2PermissionGrants " +
      "(oauth2permissiongrant-list/post/update/delete); none of the other scopes reads grants.",
  },
  {
    value: "User.Read",
    why:
      "GET /organization (the tenant id and initial domain, read in the first batch) lists User.Read as " +
      "least privileged and none of the three above (organization-list); also GET /me for the account.",
  },
];

/** The scopes as URIs of a Graph resource, e.g. `https://graph.microsoft.com/User.Read`. */
export function adminScopes(graphResource: string): string[] {
  const root = graphResource.replace(/\/+$/, "");
  return ADMIN_SCOPES.map((s) => `${root}/${s.value}`);
}

/**
 * Asked for at the same sign-in by the commands that run preflight (setup --yes, preflight), so the policy
 * reads ride in observe's $batch with no incremental consent round trip: Microsoft's tables list
 * Policy.Read.All as least privileged (delegated) for GET /policies/defaultAppManagementPolicy
 * (tenantappmanagementpolicy-get), GET /policies/appManagementPolicies (appmanagementpolicy-list),
 * GET /policies/authorizationPolicy (authorizationpolicy-get) and GET /identity/conditionalAccess/policies
 * (conditionalaccessroot-list-policies); .../appliesTo needs 'Application.Read.All and Policy.Read.All'
 * (appmanagementpolicy-list-appliesto). Optional: where it is declined the sign-in is done again without it
 * and those checks are `unknown` (preflight never fails a setup for want of it).
 */
export const PREFLIGHT_SCOPE: AdminScope = {
  value: "Policy.Read.All",
  why:
    "preflight's reads of the tenant's app management, authorization and Conditional Access policies " +
    "(tenantappmanagementpolicy-get, appmanagementpolicy-list, authorizationpolicy-get, " +
    "conditionalaccessroot-list-policies, appmanagementpolicy-list-appliesto); optional.",
};

export function preflightScopes(graphResource: string): string[] {
  return [`${graphResource.replace(/\/+$/, "")}/${PREFLIGHT_SCOPE.value}`];
}

/**
 * Token-endpoint answers that mean a requested scope has no consent and this sign-in cannot give it
 * (learn.microsoft.com/entra/identity-platform/reference-error-codes): AADSTS65001 DelegationDoesNotExist
 * (not consented), AADSTS65004 UserDeclinedConsent, AADSTS90094 AdminConsentRequired, AADSTS90095
 * AdminConsentRequiredRequestAccess (the admin consent workflow). The sign-in then drops optional scopes.
 */
const CONSENT_REFUSALS = new Set(["AADSTS65001", "AADSTS65004", "AADSTS90094", "AADSTS90095"]);

export function isConsentRefusal(upstreamCode: string | undefined): boolean {
  return upstreamCode !== undefined && CONSENT_REFUSALS.has(upstreamCode.toUpperCase());
}
