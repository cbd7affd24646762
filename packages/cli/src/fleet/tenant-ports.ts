/**
 * The Node ports one tenant's job runs on: Graph through the Graph SDK client on a delegated or app
 * token, app tokens through msal-node, the workload calls through fetch, and certificates (with a
 * PFX and its password, for Boxafe 1.5's Add new Domain) from @boxafe-connect/certs on WebCrypto.
 */
import { randomBytes } from "node:crypto";
import { makeCertificate } from "@boxafe-connect/certs";
import {
  type CertificateMaker,
  type ClientCredential,
  type CloudEndpoints,
  type ProofPorts,
  tenantTokens,
} from "@boxafe-connect/core";
import {
  createFetchHttpPort,
  createGraphPort,
  createMsalAppTokenPort,
  createProofSigner,
} from "@boxafe-connect/runtime";
import type { Redactor } from "../redact.js";
import type { StoredCertificate } from "./fs-credential-store.js";

export function proofPorts(endpoints: CloudEndpoints): ProofPorts {
  return {
    appToken: createMsalAppTokenPort({ authorityHost: endpoints.authorityHost }),
    cloud: endpoints,
    appGraph: (accessToken) =>
      createGraphPort({ baseUrl: endpoints.graphBaseUrl, getAccessToken: async () => accessToken }),
  };
}

export function graphOn(endpoints: CloudEndpoints, getAccessToken: () => Promise<string>) {
  return createGraphPort({ baseUrl: endpoints.graphBaseUrl, getAccessToken });
}

export const httpPort = createFetchHttpPort;

/** Certificates whose private key and PFX password are registered with the redactor the moment they exist. */
export function certificateMaker(redactor: Redactor): CertificateMaker<StoredCertificate> {
  return {
    async make(request) {
      const pfxPassword = randomBytes(18).toString("base64url");
      redactor.protect(pfxPassword);
      const created = await makeCertificate(globalThis.crypto, { ...request, pfxPassword });
      redactor.protect(created.privateKeyPem);
      return {
        derBase64: created.derBase64,
        thumbprint: created.thumbprint,
        notAfter: created.notAfter,
        certificatePem: created.certificatePem,
        privateKeyPem: created.privateKeyPem,
        pfxBase64: Buffer.from(created.pfx).toString("base64"),
        pfxPassword,
      };
    },
  };
}

/**
 * One tenant's app acting with one of its stored certificates (no admin): Graph on the app's own
 * token and a signer for addKey/removeKey proofs; the key and every token go to the redactor first.
 * Its `appToken` is core's per-tenant cache (keyed by credential too): this certificate's one token
 * serves every Graph call (addKey, each removeKey) and, in retire, is the newest's proven token,
 * while another certificate (rotate's new one) gets a fresh token of its own.
 */
export function asAppWith(
  fleet: { readonly endpoints: CloudEndpoints; readonly target: { readonly graphResource: string } },
  proof: ProofPorts,
  redactor: Redactor,
  app: { readonly tenantId: string; readonly clientId: string },
  certificate: StoredCertificate,
) {
  redactor.protect(certificate.privateKeyPem);
  const credential: ClientCredential = {
    kind: "certificate",
    certificatePem: certificate.certificatePem,
    privateKeyPem: certificate.privateKeyPem,
  };
  const tokens = tenantTokens(proof.appToken);
  const graphToken = () =>
    tokens.acquire({ ...app, credential, resource: fleet.target.graphResource }).then((token) => {
      redactor.protect(token);
      return token;
    });
  return {
    credential,
    appToken: tokens,
    graph: graphOn(fleet.endpoints, graphToken),
    signer: createProofSigner(certificate),
  };
}
