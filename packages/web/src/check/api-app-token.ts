/**
 * The proof port core's rotate and retire ask ("does this credential get a Microsoft Graph token
 * now?") filled through this deployment's verification service: one POST of the secret to the
 * same-origin /v1/verify path (token-proof.ts), which redeems it server-side, since Entra refuses
 * client-credentials redemption from a browser for a non-SPA client (AADSTS9002326). The service
 * answers with its report, never with the token itself (tokens stay out of the page), so `acquire`
 * resolves with an empty string once Graph issued one: only for use cases that ask whether a token
 * was issued (core's proveCredential: rotate, retire), never for reading a token's roles.
 */
import type { AppTokenPort } from "@boxafe-connect/core";
import { CoreError } from "@boxafe-connect/core";
import { proveTokensViaApi } from "../wizard/token-proof.js";

export function apiAppTokenPort(verifyApi: string, fetchFn: typeof fetch = fetch): AppTokenPort {
  return {
    async acquire(request) {
      if (request.credential.kind !== "secret") {
        throw new CoreError(
          "invalid_input",
          "This page proves secrets through its verification service; prove a certificate with boxafe-connect verify --certificate-file.",
          { field: "credential" },
        );
      }
      const report = await proveTokensViaApi(
        verifyApi,
        { tenantId: request.tenantId, clientId: request.clientId, clientSecret: request.credential.secret },
        fetchFn,
      );
      const graph = report.tokens.find((t) => t.resource === "microsoft-graph");
      if (graph?.ok) return "";
      // Entra did not (yet) take the secret: core's proof waits and asks again within its window.
      if (graph === undefined || graph.error?.code === "invalid_client_credentials") {
        throw new CoreError(
          "invalid_client_credentials",
          graph?.error?.message ?? "The verification service got no Microsoft Graph token with this secret.",
        );
      }
      throw new CoreError("graph_request_failed", graph.error?.message ?? "No Microsoft Graph token.", {
        status: 502,
      });
    },
  };
}
