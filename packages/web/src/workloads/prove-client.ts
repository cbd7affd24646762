/**
 * The workload proofs through this deployment's API (`proveApi`, same origin; the page's server adds the
 * key): the page signs one client assertion per workload with the certificate's private key, which it
 * holds in memory only, and posts the assertions (or Boxafe 1.4's secret), never the key. The API
 * redeems each assertion for its one token and makes the real calls (core's proveApp). Which workloads
 * get an assertion and what its aud is are core's (workloadAudiences, tokenEndpoint).
 */
import type { CloudEndpoints, WorkloadResult } from "@boxafe-connect/core";
import { tokenEndpoint, workloadAudiences } from "@boxafe-connect/core";
import { callPageService, postJson, serviceFailure } from "../page-service.js";

export type ProofCredential =
  | { readonly kind: "secret"; readonly secret: string }
  | { readonly kind: "certificate"; readonly privateKeyPem: string; readonly derBase64: string };

export interface ProveTarget {
  readonly tenantId: string;
  readonly clientId: string;
  readonly sharePointTenant?: string | undefined;
  /** The EWS step wrote the allow list: a policy 403 is then pending. */
  readonly ewsAllowed: boolean;
}

export interface ProveDeps {
  readonly proveApi: string;
  readonly cloud: CloudEndpoints;
  /** Origin of the token service that redeems the assertions (their aud). */
  readonly assertionAuthority: string;
  readonly crypto: Crypto;
  readonly nowSeconds: () => number;
  readonly fetch?: typeof fetch;
}

async function credentialBody(
  deps: ProveDeps,
  target: ProveTarget,
  credential: ProofCredential,
): Promise<Record<string, unknown>> {
  if (credential.kind === "secret") return { clientSecret: credential.secret };
  // The signing code (jose) loads with the certificate code, only when a certificate is proven.
  const { signClientAssertion } = await import("@boxafe-connect/certs");
  const audience = tokenEndpoint(deps.assertionAuthority, target.tenantId);
  const audiences = workloadAudiences(deps.cloud, target.sharePointTenant);
  const assertions: Record<string, string> = {};
  for (const [workload, resource] of Object.entries(audiences)) {
    if (resource === undefined) continue;
    assertions[workload] = await signClientAssertion(deps.crypto, {
      privateKeyPem: credential.privateKeyPem,
      derBase64: credential.derBase64,
      clientId: target.clientId,
      audience,
      nowSeconds: deps.nowSeconds(),
    });
  }
  return { assertions };
}

function isReport(value: unknown): value is WorkloadResult {
  if (typeof value !== "object" || value === null) return false;
  const r = value as Partial<WorkloadResult>;
  return typeof r.ready === "object" && typeof r.readiness === "object" && Array.isArray(r.readiness?.lines);
}

export async function proveViaApi(
  deps: ProveDeps,
  target: ProveTarget,
  credential: ProofCredential,
): Promise<WorkloadResult> {
  const body = {
    tenantId: target.tenantId,
    clientId: target.clientId,
    ...(target.sharePointTenant ? { sharePointTenant: target.sharePointTenant } : {}),
    ewsAllowed: target.ewsAllowed,
    credential: await credentialBody(deps, target, credential),
  };
  const answer = await callPageService("proof service", deps.proveApi, postJson(body), deps.fetch ?? fetch);
  if (answer.res.ok && isReport(answer.json)) return answer.json;
  throw serviceFailure("proof service", answer, "graph_request_failed");
}
