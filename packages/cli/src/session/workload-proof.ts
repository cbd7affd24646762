/**
 * The CLI's ports for core's workload proof (proveApp): app tokens through msal-node, plain HTTPS
 * through fetch. Used at the end of setup, by `verify` and by `ews status`.
 */
import type { ClientCredential, CloudEndpoints, WorkloadResult } from "@boxafe-connect/core";
import { proveApp } from "@boxafe-connect/core";

export interface WorkloadProofInput {
  readonly cloud: CloudEndpoints;
  readonly tenantId: string;
  readonly clientId: string;
  readonly credential: ClientCredential;
  readonly sharePointTenant: string | undefined;
  readonly ewsAllowed: boolean;
  readonly mailbox?: string;
}

export async function proveWorkloadsFor(input: WorkloadProofInput): Promise<WorkloadResult> {
  const { createFetchHttpPort, createMsalAppTokenPort } = await import("@boxafe-connect/runtime");
  const { cloud, ...request } = input;
  return proveApp(
    {
      http: createFetchHttpPort(),
      appToken: createMsalAppTokenPort({ authorityHost: cloud.authorityHost }),
      cloud,
    },
    request,
  );
}
