/** msal-node authority settings (built by runtime's msalAuthority), admin scopes, default public client. */

export interface AuthorityConfig {
  readonly authority: string;
  readonly knownAuthorities?: string[];
  readonly authorityMetadata?: string;
  readonly cloudDiscoveryMetadata?: string;
}

/** The delegated Graph scopes the admin tool needs (docs/graph-facts.md 2.4), for a Graph resource URI. */
export function adminScopes(graphResource: string): string[] {
  const root = graphResource.replace(/\/$/, "");
  return [
    `${root}/Application.ReadWrite.All`,
    `${root}/AppRoleAssignment.ReadWrite.All`,
    `${root}/DelegatedPermissionGrant.ReadWrite.All`,
  ];
}

/** Microsoft Graph Command Line Tools: a first-party public client that accepts dynamic Graph scopes. */
export const defaultPublicClientId = "14d82eec-204b-4c2f-b7e8-296a70dab67e";
