/**
 * msal-node authority settings. Real clouds use Microsoft's instance discovery; a sandbox gets its
 * metadata inline so msal never calls login.microsoftonline.com (toolchain.md Q5).
 */

export interface AuthorityConfig {
  readonly authority: string;
  readonly knownAuthorities?: string[];
  readonly authorityMetadata?: string;
  readonly cloudDiscoveryMetadata?: string;
}

export function cloudAuthority(authorityHost: string, tenant: string): AuthorityConfig {
  return { authority: `${authorityHost.replace(/\/$/, "")}/${tenant}` };
}

export function sandboxAuthority(origin: string, tenant: string): AuthorityConfig {
  const base = new URL(origin).origin;
  const host = new URL(origin).host;
  const root = `${base}/${tenant}`;
  return {
    authority: root,
    knownAuthorities: [host],
    authorityMetadata: JSON.stringify({
      issuer: `${root}/v2.0`,
      authorization_endpoint: `${root}/oauth2/v2.0/authorize`,
      token_endpoint: `${root}/oauth2/v2.0/token`,
      device_authorization_endpoint: `${root}/oauth2/v2.0/devicecode`,
      end_session_endpoint: `${root}/oauth2/v2.0/logout`,
      jwks_uri: `${root}/discovery/v2.0/keys`,
    }),
    cloudDiscoveryMetadata: JSON.stringify({
      tenant_discovery_endpoint: `${root}/v2.0/.well-known/openid-configuration`,
      "api-version": "1.1",
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    }),
  };
}

/** The delegated Graph scopes the admin tool needs (graph-facts.md 2.4), for a Graph resource URI. */
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
