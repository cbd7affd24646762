/** msal-node authority settings (built by runtime's msalAuthority), admin scopes, default public client. */

export interface AuthorityConfig {
  readonly authority: string;
  readonly knownAuthorities?: string[];
  readonly authorityMetadata?: string;
  readonly cloudDiscoveryMetadata?: string;
}

/** The delegated Graph scopes the admin tool needs: core's list, each with the calls that need it. */
export { adminScopes } from "@boxafe-connect/core";

/** Microsoft Graph Command Line Tools: a first-party public client that accepts dynamic Graph scopes. */
export const defaultPublicClientId = "14d82eec-204b-4c2f-b7e8-296a70dab67e";
