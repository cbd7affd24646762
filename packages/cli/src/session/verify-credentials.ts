/** Token proof for a client credential: runtime's msal app-token port + core's verify, with progress. */
import type {
  ClientCredential,
  CloudEndpoints,
  GraphPort,
  Permission,
  VerificationReport,
} from "@boxafe-connect/core";
import { verify } from "@boxafe-connect/core";
import { createGraphPort, createMsalAppTokenPort, nodePorts } from "@boxafe-connect/runtime";
import type { Output } from "../output.js";

export interface VerifyRequest {
  readonly tenantId: string;
  readonly clientId: string;
  readonly credential: ClientCredential;
  readonly permissions: readonly Permission[];
  readonly cloud: CloudEndpoints;
  readonly sharePointTenant?: string;
  readonly graph?: GraphPort;
  readonly deadlineMs?: number;
  readonly credentialGraceMs?: number;
}

export interface VerifyDisplay {
  /** No progress line of our own (the wizard shows its spinner). */
  readonly quiet?: boolean;
  readonly onProgress?: (granted: number, total: number) => void;
}

export async function verifyCredentials(
  out: Output,
  request: VerifyRequest,
  display: VerifyDisplay = {},
): Promise<VerificationReport> {
  if (request.credential.kind === "secret") out.redactor.protect(request.credential.secret);
  const noop = { update: () => {}, done: () => {}, fail: () => {} };
  const step = display.quiet ? noop : out.step("Verifying with fresh app tokens");
  const appToken = createMsalAppTokenPort({ authorityHost: request.cloud.authorityHost });
  const tokenPort = {
    async acquire(input: Parameters<typeof appToken.acquire>[0]) {
      const token = await appToken.acquire(input);
      out.redactor.protect(token);
      return token;
    },
  };
  try {
    const report = await verify(
      {
        ...nodePorts(),
        appToken: tokenPort,
        ...(request.graph ? { graph: request.graph } : {}),
        // Without a SharePoint name, core reads the initial domain with the app's own Graph token.
        appGraph: (accessToken) =>
          createGraphPort({ baseUrl: request.cloud.graphBaseUrl, getAccessToken: async () => accessToken }),
        progress: (event) => {
          step.update(event.message);
          if (event.total !== undefined) display.onProgress?.(event.done ?? 0, event.total);
        },
      },
      {
        tenantId: request.tenantId,
        clientId: request.clientId,
        credential: request.credential,
        permissions: request.permissions,
        cloud: request.cloud,
        ...(request.sharePointTenant ? { sharePointTenant: request.sharePointTenant } : {}),
        ...(request.deadlineMs !== undefined ? { deadlineMs: request.deadlineMs } : {}),
        ...(request.credentialGraceMs !== undefined ? { credentialGraceMs: request.credentialGraceMs } : {}),
      },
    );
    const granted = report.items.filter((i) => i.status === "granted").length;
    const summary = `${granted}/${report.items.length} permissions proven`;
    if (report.complete) step.done(`Verified: ${summary}`);
    else step.fail(`Verification incomplete: ${summary}`);
    return report;
  } catch (error) {
    step.fail("Verification failed");
    throw error;
  }
}
