/**
 * Where the tenant's policies live in the directory, their defaults, and which restrictions apply to an
 * application. An app management policy applied to an app replaces the tenant default for it
 * ("If this resource is not configured for an application or service principal, the restrictions default
 * to the settings in the tenantAppManagementPolicy object": learn.microsoft.com/graph/api/resources/appmanagementpolicy).
 */
import type { Directory } from "../store/directory.js";
import type { Application } from "../store/types.js";
import type {
  ConditionalAccessPolicy,
  CredentialRestriction,
  CredentialRestrictions,
  TenantPolicies,
} from "./types.js";

/** The tenant default policy's fixed id (Graph returns this all-zero id for every tenant). */
export const TENANT_POLICY_ID = "00000000-0000-0000-0000-000000000000";
/** The authorization policy's fixed id in Graph. */
export const AUTHORIZATION_POLICY_ID = "authorizationPolicy";
/**
 * Microsoft-managed policies cannot be renamed or deleted (learn.microsoft.com/entra/identity/conditional-access/
 * managed-policies), so the display name identifies this one; it starts in report-only mode.
 */
export const MANAGED_DEVICE_CODE_POLICY_NAME = "Block device code flow";
export const MANAGED_DEVICE_CODE_POLICY_ID = "d0000000-0000-4000-8000-00000000dcf0";
/** Applies to every app, old or new, unless a test says otherwise. */
const SINCE_EVER = "2000-01-01T00:00:00Z";

export function noRestrictions(): CredentialRestrictions {
  return { passwordCredentials: [], keyCredentials: [] };
}

export function defaultPolicies(): TenantPolicies {
  return {
    defaultAppManagement: {
      id: TENANT_POLICY_ID,
      displayName: "Default app management tenant policy",
      description:
        "Default tenant policy that enforces app management restrictions on applications and service principals. To apply policy to targeted resources, create a new policy under appManagementPolicies collection.",
      isEnabled: false,
      applicationRestrictions: noRestrictions(),
    },
    appManagement: [],
    allowedToCreateApps: true,
    conditionalAccess: [],
    declinedScopes: [],
  };
}

/** The policies of a directory, created on first use (state files written before policies existed have none). */
export function policiesOf(dir: Directory): TenantPolicies {
  const data = dir.data as { policies?: TenantPolicies };
  if (!data.policies) data.policies = defaultPolicies();
  return data.policies;
}

export function restriction(
  restrictionType: CredentialRestriction["restrictionType"],
  maxLifetime: string | null = null,
  since = SINCE_EVER,
): CredentialRestriction {
  return { restrictionType, state: "enabled", maxLifetime, restrictForAppsCreatedAfterDateTime: since };
}

export function managedDeviceCodePolicy(
  state: ConditionalAccessPolicy["state"],
  createdDateTime: string,
): ConditionalAccessPolicy {
  return {
    id: MANAGED_DEVICE_CODE_POLICY_ID,
    displayName: MANAGED_DEVICE_CODE_POLICY_NAME,
    state,
    createdDateTime,
    modifiedDateTime: null,
    templateId: null,
    conditions: {
      clientAppTypes: ["all"],
      applications: { includeApplications: ["All"], excludeApplications: [] },
      users: { includeUsers: ["All"], excludeUsers: [], includeRoles: [], excludeRoles: [] },
      authenticationFlows: { transferMethods: "deviceCodeFlow" },
    },
    grantControls: { operator: "OR", builtInControls: ["block"] },
    sessionControls: null,
  };
}

export interface Governing {
  readonly policyId: string;
  readonly restrictions: CredentialRestrictions;
}

/** The policy governing an app's credentials: its own enabled policy, else the enabled tenant default. */
export function governingPolicy(dir: Directory, app: Application): Governing | undefined {
  const p = policiesOf(dir);
  const own = p.appManagement.find((m) => m.appliesTo.includes(app.id));
  if (own) return own.isEnabled ? { policyId: own.id, restrictions: own.restrictions } : undefined;
  const tenant = p.defaultAppManagement;
  return tenant.isEnabled ? { policyId: tenant.id, restrictions: tenant.applicationRestrictions } : undefined;
}

/** The enabled restriction of a type that covers this app (by its creation date), if any. */
export function activeRestriction(
  list: readonly CredentialRestriction[],
  type: CredentialRestriction["restrictionType"],
  app: Application,
): CredentialRestriction | undefined {
  return list.find(
    (r) =>
      r.restrictionType === type &&
      r.state === "enabled" &&
      Date.parse(app.createdDateTime) > Date.parse(r.restrictForAppsCreatedAfterDateTime),
  );
}
