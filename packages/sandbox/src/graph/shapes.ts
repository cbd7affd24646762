import type { Application, KeyCredential, PasswordCredential, ServicePrincipal } from "../store/types.js";

/** Graph's view of stored objects: private fields (hashes, DER, owners, timestamps) never leave. */

export function passwordShape(p: PasswordCredential): Record<string, unknown> {
  return {
    customKeyIdentifier: null,
    displayName: p.displayName,
    endDateTime: p.endDateTime,
    hint: p.hint,
    keyId: p.keyId,
    secretText: null,
    startDateTime: p.startDateTime,
  };
}

export function keyShape(k: KeyCredential): Record<string, unknown> {
  return {
    customKeyIdentifier: k.customKeyIdentifier,
    displayName: k.displayName,
    endDateTime: k.endDateTime,
    key: null,
    keyId: k.keyId,
    startDateTime: k.startDateTime,
    type: k.type,
    usage: k.usage,
  };
}

export function applicationShape(a: Application): Record<string, unknown> {
  return {
    id: a.id,
    deletedDateTime: null,
    appId: a.appId,
    createdDateTime: a.createdDateTime,
    description: a.description,
    displayName: a.displayName,
    identifierUris: a.identifierUris,
    isFallbackPublicClient: a.isFallbackPublicClient,
    notes: a.notes,
    publisherDomain: a.publisherDomain,
    signInAudience: a.signInAudience,
    tags: a.tags,
    uniqueName: a.uniqueName,
    keyCredentials: a.keyCredentials.map(keyShape),
    passwordCredentials: a.passwordCredentials.map(passwordShape),
    publicClient: a.publicClient,
    requiredResourceAccess: a.requiredResourceAccess,
    spa: a.spa,
    web: {
      ...a.web,
      implicitGrantSettings: { enableAccessTokenIssuance: false, enableIdTokenIssuance: false },
    },
  };
}

export function servicePrincipalShape(s: ServicePrincipal): Record<string, unknown> {
  return {
    id: s.id,
    deletedDateTime: null,
    accountEnabled: s.accountEnabled,
    appDisplayName: s.appDisplayName,
    appId: s.appId,
    appOwnerOrganizationId: s.appOwnerOrganizationId,
    appRoleAssignmentRequired: false,
    displayName: s.displayName,
    servicePrincipalNames: s.servicePrincipalNames,
    servicePrincipalType: s.servicePrincipalType,
    signInAudience: "AzureADMyOrg",
    tags: s.tags,
    appRoles: s.appRoles,
    oauth2PermissionScopes: s.oauth2PermissionScopes,
    keyCredentials: [],
    passwordCredentials: [],
  };
}
