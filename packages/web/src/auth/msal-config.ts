import type { Configuration } from "@azure/msal-browser";
import type { WebConfig } from "../config.js";

/**
 * msal-browser settings. For the sandbox (or any authority that is not Microsoft's), the authority's
 * metadata is given inline so msal never calls login.microsoftonline.com for instance discovery.
 */
export function msalConfiguration(config: WebConfig, origin: string): Configuration {
  const authority = new URL(config.authority);
  const base = `${authority.origin}${authority.pathname}`;
  const host = authority.host;
  const custom =
    config.cloud === "sandbox"
      ? {
          knownAuthorities: [host],
          authorityMetadata: JSON.stringify({
            issuer: config.issuer ?? `${base}/v2.0`,
            authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
            token_endpoint: `${base}/oauth2/v2.0/token`,
            device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
            end_session_endpoint: `${base}/oauth2/v2.0/logout`,
            jwks_uri: `${base}/discovery/v2.0/keys`,
          }),
          // The sandbox answers with ?code= whatever response_mode asks for; read the query then.
          OIDCOptions: { responseMode: "query" as const },
          cloudDiscoveryMetadata: JSON.stringify({
            tenant_discovery_endpoint: `${base}/v2.0/.well-known/openid-configuration`,
            "api-version": "1.1",
            metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
          }),
        }
      : {};
  return {
    auth: { clientId: config.clientId, authority: base, redirectUri: `${origin}/`, ...custom },
    cache: { cacheLocation: "sessionStorage" },
  };
}
