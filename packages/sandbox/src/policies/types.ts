/**
 * Tenant policies in Microsoft Graph's v1.0 shapes: the tenant default app management policy, app
 * management policies with the objects they apply to, the authorization policy and Conditional Access
 * policies. Sources:
 * - tenantAppManagementPolicy / appManagementPolicy / passwordCredentialConfiguration / keyCredentialConfiguration:
 *   https://learn.microsoft.com/graph/api/resources/tenantappmanagementpolicy,
 *   https://learn.microsoft.com/graph/api/resources/appmanagementpolicy,
 *   https://learn.microsoft.com/graph/api/resources/passwordcredentialconfiguration
 * - authorizationPolicy.defaultUserRolePermissions.allowedToCreateApps:
 *   https://learn.microsoft.com/graph/api/resources/authorizationpolicy
 * - conditionalAccessPolicy, conditions.authenticationFlows.transferMethods:
 *   https://learn.microsoft.com/graph/api/resources/conditionalaccesspolicy,
 *   https://learn.microsoft.com/graph/api/resources/conditionalaccessauthenticationflows
 */

export type PasswordRestrictionType =
  | "passwordAddition"
  | "passwordLifetime"
  | "symmetricKeyAddition"
  | "symmetricKeyLifetime"
  | "customPasswordAddition";
export type KeyRestrictionType = "asymmetricKeyLifetime" | "trustedCertificateAuthority";

export interface CredentialRestriction {
  restrictionType: PasswordRestrictionType | KeyRestrictionType;
  state: "enabled" | "disabled";
  /** ISO-8601 duration; required for the *Lifetime types, null otherwise. */
  maxLifetime: string | null;
  /** The restriction applies to apps created after this instant (Graph: retroactive when set in the past). */
  restrictForAppsCreatedAfterDateTime: string;
  /** trustedCertificateAuthority only: ids of certificateBasedApplicationConfiguration objects. */
  certificateBasedApplicationConfigurationIds?: string[];
}

export interface CredentialRestrictions {
  passwordCredentials: CredentialRestriction[];
  keyCredentials: CredentialRestriction[];
}

export interface TenantAppManagementPolicy {
  id: string;
  displayName: string;
  description: string;
  isEnabled: boolean;
  applicationRestrictions: CredentialRestrictions;
}

export interface AppManagementPolicy {
  id: string;
  displayName: string;
  description: string;
  isEnabled: boolean;
  restrictions: CredentialRestrictions;
  /** Private: object ids of the applications and service principals the policy is applied to. */
  appliesTo: string[];
}

export interface ConditionalAccessPolicy {
  id: string;
  displayName: string;
  state: "enabled" | "disabled" | "enabledForReportingButNotEnforced";
  createdDateTime: string;
  modifiedDateTime: string | null;
  templateId: string | null;
  conditions: {
    clientAppTypes: string[];
    applications: { includeApplications: string[]; excludeApplications: string[] };
    users: {
      includeUsers: string[];
      excludeUsers: string[];
      includeRoles: string[];
      excludeRoles: string[];
    };
    authenticationFlows: { transferMethods: string } | null;
  };
  grantControls: { operator: "OR" | "AND"; builtInControls: string[] } | null;
  sessionControls: null;
}

export interface TenantPolicies {
  defaultAppManagement: TenantAppManagementPolicy;
  appManagement: AppManagementPolicy[];
  /** authorizationPolicy.defaultUserRolePermissions.allowedToCreateApps ("Users can register applications"). */
  allowedToCreateApps: boolean;
  conditionalAccess: ConditionalAccessPolicy[];
  /** Delegated scopes no administrator will consent to (a test hook for "Policy.Read.All refused"). */
  declinedScopes: string[];
}
