/**
 * msal-node configuration for an authority with its metadata inline, so msal never calls
 * Microsoft's instance discovery (needed for the sandbox; harmless and faster for real clouds).
 */
export interface MsalAuthority {
  readonly authority: string;
  readonly knownAuthorities: string[];
  readonly authorityMetadata: string;
  readonly cloudDiscoveryMetadata: string;
}

/**
 * `cloud` is an authority host like https://login.microsoftonline.com (or the sandbox origin), or a
 * core CloudEndpoints; tenant = GUID, domain or "organizations".
 */
export function msalAuthority(
  cloud: string | { readonly authorityHost: string },
  tenant: string,
): MsalAuthority {
  const url = new URL(typeof cloud === "string" ? cloud : cloud.authorityHost);
  const base = url.origin;
  const host = url.host;
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
