/**
 * Graph as the app itself (certificate rotate / retire): each batch gets a fresh client-assertion
 * token from the app's own certificate, never an admin's. No Table 1 permission is needed for
 * addKey / removeKey ("an application does not need any specific permission to roll its own keys").
 */
import { type ClientCredential, type GraphPort, graphAudience, type ProofPorts } from "@boxafe-connect/core";
import { createGraphPort } from "@boxafe-connect/runtime";
import type { Target } from "../target/resolve-target.js";

export function appGraphPort(
  target: Target,
  proof: ProofPorts,
  app: { readonly tenantId: string; readonly appId: string },
  credential: ClientCredential,
): GraphPort {
  return createGraphPort({
    baseUrl: target.endpoints.graphBaseUrl,
    getAccessToken: () =>
      proof.appToken.acquire({
        tenantId: app.tenantId,
        clientId: app.appId,
        credential,
        resource: graphAudience(target.endpoints),
      }),
  });
}
