/**
 * Token ports. Core never calls a token endpoint itself: msal-node (cli), msal-browser (web) or a
 * fetch-based client-credentials call (api on Workers) fills these at the composition root.
 */
import { CoreError } from "../errors.js";

export type ClientCredential =
  | { readonly kind: "secret"; readonly secret: string }
  | {
      readonly kind: "certificate";
      /** PKCS#8 PEM of the private key. */
      readonly privateKeyPem: string;
      /** PEM of the certificate (thumbprint and x5c are derived from it). */
      readonly certificatePem: string;
    }
  | {
      /**
       * Client assertions signed where the private key lives (the web page), one per resource audience
       * (the key, e.g. "https://graph.microsoft.com"): whoever redeems them never holds the key.
       */
      readonly kind: "assertions";
      readonly byResource: Readonly<Record<string, string>>;
    };

/** A credential whose holder has the secret or the key itself (what a retire proves possession with). */
export type HeldCredential = Exclude<ClientCredential, { readonly kind: "assertions" }>;

/** The assertion signed for a resource, or a CoreError naming the missing one (kind "assertions"). */
export function assertionFor(
  credential: Extract<ClientCredential, { kind: "assertions" }>,
  resource: string,
): string {
  const assertion = credential.byResource[resource.replace(/\/+$/, "")];
  if (assertion === undefined) {
    throw new CoreError("invalid_input", `No client assertion was signed for ${resource}.`, {
      field: "assertions",
    });
  }
  return assertion;
}

export interface AppTokenRequest {
  readonly tenantId: string;
  readonly clientId: string;
  readonly credential: ClientCredential;
  /** Resource audience without "/.default", e.g. "https://graph.microsoft.com". */
  readonly resource: string;
}

/**
 * Acquires a fresh client-credentials token (never from a cache: new roles must show). Resolves
 * the raw JWT; rejects with CoreError invalid_client_credentials / unreachable / ... on failure.
 */
export interface AppTokenPort {
  acquire(request: AppTokenRequest): Promise<string>;
}

/** The signed-in admin's delegated Graph token (claims are read for `wids`, `tid`, `scp`). */
export interface DelegatedTokenPort {
  /**
   * With `extraScopes` (e.g. preflight's Policy.Read.All), an incremental consent: the token also carries those
   * scopes, or the promise rejects (consent refused) and the caller reports what it could not read.
   */
  getAccessToken(request?: { readonly extraScopes?: readonly string[] }): Promise<string>;
}
