import type { TenantPolicies } from "../policies/types.js";

/** Directory objects in Microsoft Graph's own v1.0 shapes, plus the few private fields Entra keeps. */

export interface AppRole {
  id: string;
  value: string;
  displayName: string;
  description: string;
  allowedMemberTypes: string[];
  isEnabled: boolean;
  origin: "Application";
}

export interface PermissionScope {
  id: string;
  value: string;
  adminConsentDisplayName: string;
  adminConsentDescription: string;
  userConsentDisplayName: string | null;
  userConsentDescription: string | null;
  type: "User" | "Admin";
  isEnabled: boolean;
}

export interface ResourceAccess {
  id: string;
  type: "Role" | "Scope";
}

export interface RequiredResourceAccess {
  resourceAppId: string;
  resourceAccess: ResourceAccess[];
}

export interface PasswordCredential {
  keyId: string;
  displayName: string | null;
  hint: string;
  startDateTime: string;
  endDateTime: string;
  customKeyIdentifier: null;
  secretText: null;
  /** Private: salted SHA-256 of the secret; never leaves the sandbox. */
  hash: string;
  salt: string;
  /** Private: ms epoch when added, for credential propagation (credentialLag). */
  addedAt?: number;
}

export interface KeyCredential {
  keyId: string;
  type: string;
  usage: string;
  displayName: string | null;
  customKeyIdentifier: string;
  startDateTime: string;
  endDateTime: string;
  /** Private: base64 DER of the certificate (Graph returns `key: null` on reads). */
  der: string;
  /** Private: ms epoch when added, for credential propagation (credentialLag). */
  addedAt?: number;
}

export interface Application {
  id: string;
  appId: string;
  displayName: string;
  uniqueName: string | null;
  description: string | null;
  notes: string | null;
  signInAudience: string;
  identifierUris: string[];
  tags: string[];
  requiredResourceAccess: RequiredResourceAccess[];
  passwordCredentials: PasswordCredential[];
  keyCredentials: KeyCredential[];
  web: { redirectUris: string[] };
  spa: { redirectUris: string[] };
  publicClient: { redirectUris: string[] };
  isFallbackPublicClient: boolean | null;
  publisherDomain: string;
  createdDateTime: string;
  /** Private: user object ids of the owners. */
  owners: string[];
  /** Private: ms epoch when written, for replication lag. */
  createdAt: number;
}

export interface ServicePrincipal {
  id: string;
  appId: string;
  displayName: string;
  appDisplayName: string;
  servicePrincipalType: "Application";
  servicePrincipalNames: string[];
  accountEnabled: boolean;
  appOwnerOrganizationId: string;
  appRoles: AppRole[];
  oauth2PermissionScopes: PermissionScope[];
  tags: string[];
  owners: string[];
  createdAt: number;
}

export interface AppRoleAssignment {
  id: string;
  appRoleId: string;
  principalId: string;
  principalDisplayName: string;
  principalType: "ServicePrincipal" | "User" | "Group";
  resourceId: string;
  resourceDisplayName: string;
  createdDateTime: string;
  deletedDateTime: null;
}

export interface OAuth2PermissionGrant {
  id: string;
  clientId: string;
  consentType: "AllPrincipals" | "Principal";
  principalId: string | null;
  resourceId: string;
  scope: string;
}

export interface User {
  id: string;
  userPrincipalName: string;
  displayName: string;
  mail: string;
  /** Directory role template ids held by the user. */
  roles: string[];
}

export interface Organization {
  id: string;
  displayName: string;
  verifiedDomains: { name: string; isDefault: boolean; isInitial: boolean; type: string }[];
}

/**
 * A soft-deleted application or service principal (Graph's directory/deletedItems): kept 30 days
 * with what it held (credentials; for a service principal its assignments and grants), restorable.
 */
export interface DeletedItem {
  kind: "application" | "servicePrincipal";
  /** ms epoch of the deletion (deletedDateTime). */
  deletedAt: number;
  application?: Application;
  servicePrincipal?: ServicePrincipal;
  appRoleAssignments?: AppRoleAssignment[];
  oauth2PermissionGrants?: OAuth2PermissionGrant[];
}

export interface DirectoryData {
  applications: Application[];
  servicePrincipals: ServicePrincipal[];
  appRoleAssignments: AppRoleAssignment[];
  oauth2PermissionGrants: OAuth2PermissionGrant[];
  users: User[];
  /** Tenant policies (policies/types.ts); created on first use, so older state files load. */
  policies?: TenantPolicies;
  /** Soft-deleted objects (graph/deleted-items.ts); created on first use, so older state files load. */
  deletedItems?: DeletedItem[];
}
