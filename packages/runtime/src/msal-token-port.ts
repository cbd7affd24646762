/**
 * AppTokenPort on msal-node: a new ConfidentialClientApplication per call and `skipCache`, so every
 * token is fresh and shows the roles granted right now. Its network module (retry-after-network.ts) keeps the
 * token endpoint's Retry-After, which msal-node's errors drop, so a throttled answer's wait reaches the caller.
 */
import { X509Certificate } from "node:crypto";
import { ConfidentialClientApplication, type Configuration } from "@azure/msal-node";
import type { AppTokenPort, AppTokenRequest } from "@boxafe-connect/core";
import { assertionFor, CoreError, tokenError, tokenFailureFromMsal } from "@boxafe-connect/core";
import { msalAuthority } from "./msal-authority.js";
import { retryAfterNetwork } from "./retry-after-network.js";

export interface MsalAppTokenOptions {
  /** e.g. https://login.microsoftonline.com, or the sandbox origin. */
  readonly authorityHost: string;
}

function credentialConfig(
  request: AppTokenRequest,
): Pick<Configuration["auth"], "clientSecret" | "clientCertificate" | "clientAssertion"> {
  if (request.credential.kind === "secret") return { clientSecret: request.credential.secret };
  // Signed by whoever holds the key (the web page); msal-node sends it as client_assertion unchanged.
  if (request.credential.kind === "assertions")
    return { clientAssertion: assertionFor(request.credential, request.resource) };
  const { certificatePem, privateKeyPem } = request.credential;
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(certificatePem);
  } catch {
    throw new CoreError("invalid_input", "credential.certificatePem is not a PEM X.509 certificate.", {
      field: "credential.certificatePem",
    });
  }
  const thumbprintSha256 = certificate.fingerprint256.replace(/:/g, "");
  return { clientCertificate: { thumbprintSha256, privateKey: privateKeyPem, x5c: certificatePem } };
}

export function createMsalAppTokenPort(options: MsalAppTokenOptions): AppTokenPort {
  return {
    async acquire(request) {
      const network = retryAfterNetwork();
      const app = new ConfidentialClientApplication({
        auth: {
          clientId: request.clientId,
          ...msalAuthority(options.authorityHost, request.tenantId),
          ...credentialConfig(request),
        },
        system: { networkClient: network },
      });
      try {
        const result = await app.acquireTokenByClientCredential({
          scopes: [`${request.resource.replace(/\/+$/, "")}/.default`],
          skipCache: true,
        });
        if (result === null || result.accessToken === "") throw new Error("empty token response");
        return result.accessToken;
      } catch (error) {
        const retryAfterSeconds = network.retryAfterSeconds();
        throw tokenError(
          {
            ...tokenFailureFromMsal(error),
            ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
          },
          `app ${request.clientId}`,
        );
      }
    },
  };
}
