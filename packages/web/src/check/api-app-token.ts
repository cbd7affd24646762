/**
 * The proof port core's rotate and retire ask ("does this credential get a Microsoft Graph token
 * now?"), filled through this deployment's own services, since Entra refuses client-credentials
 * redemption from a browser for a non-SPA client (AADSTS9002326):
 * - a secret: one POST to the same-origin /v1/verify path (token-proof.ts), redeemed server-side;
 * - a certificate: client assertions signed here with its private key (which never leaves the page)
 *   and posted to the same-origin /v1/prove path (../workloads/prove-client.ts); the API redeems
 *   them and calls Graph as the app.
 * The services answer with a report, never with the token (tokens stay out of the page), so `acquire`
 * resolves with an empty string once a Graph token was issued: only for use cases that ask whether a
 * token was issued (core's proveCredential: rotate, retire), never for reading a token's roles.
 */
import type { AppTokenPort, AppTokenRequest } from "@boxafe-connect/core";
import { CoreError } from "@boxafe-connect/core";
import { proveTokensViaApi } from "../wizard/token-proof.js";
import type { ProveDeps } from "../workloads/prove-client.js";
import { proveViaApi } from "../workloads/prove-client.js";

export interface ProofServices {
  /** Same-origin /v1/verify (a secret's proof). */
  readonly verifyApi?: string | undefined;
  /** Same-origin /v1/prove and what signing assertions needs (a certificate's proof). */
  readonly prove?: ProveDeps | undefined;
  /** The transport for /v1/verify (tests pass their own); the browser's fetch otherwise. */
  readonly fetch?: typeof fetch;
}

/** Entra has not (yet) accepted the credential: core's proof waits and asks again within its window. */
function notAccepted(message: string): CoreError {
  return new CoreError("invalid_client_credentials", message);
}

function derOf(certificatePem: string): string {
  return certificatePem
    .replace(/-----(BEGIN|END) CERTIFICATE-----/g, "")
    .replace(/\s+/g, "")
    .trim();
}

async function proveSecret(
  verifyApi: string,
  request: AppTokenRequest,
  secret: string,
  fetchFn: typeof fetch,
) {
  const report = await proveTokensViaApi(
    verifyApi,
    { tenantId: request.tenantId, clientId: request.clientId, clientSecret: secret },
    fetchFn,
  );
  const graph = report.tokens.find((t) => t.resource === "microsoft-graph");
  if (graph?.ok) return;
  if (graph === undefined || graph.error?.code === "invalid_client_credentials") {
    throw notAccepted(
      graph?.error?.message ?? "The verification service got no Microsoft Graph token with this secret.",
    );
  }
  throw new CoreError("graph_request_failed", graph.error?.message ?? "No Microsoft Graph token.", {
    status: 502,
  });
}

async function proveCertificate(
  prove: ProveDeps,
  request: AppTokenRequest,
  credential: { readonly certificatePem: string; readonly privateKeyPem: string },
) {
  const result = await proveViaApi(
    prove,
    { tenantId: request.tenantId, clientId: request.clientId, ewsAllowed: false },
    {
      kind: "certificate",
      privateKeyPem: credential.privateKeyPem,
      derBase64: derOf(credential.certificatePem),
    },
  );
  // A call status means Graph got a token and answered (even a refusal): the credential works.
  if (result.graph.state === "works" || result.graph.status !== undefined) return;
  throw notAccepted(
    result.graph.why ?? "The proof service got no Microsoft Graph token with this certificate.",
  );
}

export function apiAppTokenPort(
  services: ProofServices,
  fetchFn: typeof fetch = services.fetch ?? fetch,
): AppTokenPort {
  return {
    async acquire(request) {
      const credential = request.credential;
      if (credential.kind === "secret" && services.verifyApi !== undefined) {
        await proveSecret(services.verifyApi, request, credential.secret, fetchFn);
        return "";
      }
      if (credential.kind === "certificate" && services.prove !== undefined) {
        await proveCertificate({ fetch: fetchFn, ...services.prove }, request, credential);
        return "";
      }
      throw new CoreError(
        "invalid_input",
        `This page has no service to prove a ${credential.kind === "secret" ? "secret" : credential.kind === "certificate" ? "certificate" : "credential"} with a token: use boxafe-connect verify.`,
        { field: "credential" },
      );
    },
  };
}
