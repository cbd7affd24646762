/**
 * verify: prove an app's credential with fresh client-credentials tokens and compare their roles
 * with the profile (no admin needed). Used alone (`verify`) and by setup after apply.
 */

import { decodeJwt } from "jose";
import type { Permission } from "../catalog/types.js";
import { isCoreError } from "../errors.js";
import type { GraphPort } from "../graph/port.js";
import type { RetryPolicy } from "../graph/retry-policy.js";
import type { RuntimePorts } from "../ports.js";
import type { VerifyRequest } from "../requests/verify-request.js";
import { audienceFor } from "../verify/audiences.js";
import { canReadDirectory } from "../verify/directory-readers.js";
import type { ClientCredential } from "../verify/port.js";
import type { VerificationReport } from "../verify/verify.js";
import { verify } from "../verify/verify.js";
import type { Emit } from "./events.js";
import { silent } from "./events.js";
import type { ProofPorts } from "./ports.js";
import { permissionsOf } from "./prepare.js";

export interface ProofInput {
  readonly tenantId: string;
  readonly clientId: string;
  readonly credential: ClientCredential;
  readonly permissions: readonly Permission[];
  readonly sharePointTenant?: string;
  /** The admin's Graph port, to read grants back; without it the app's own token reads them. */
  readonly graph?: GraphPort;
  readonly deadlineMs?: number;
  readonly credentialGraceMs?: number;
}

/** The proof every use case shares, with progress as events. */
export async function prove(
  ports: RuntimePorts & ProofPorts & { readonly retry?: Partial<RetryPolicy> },
  input: ProofInput,
  emit: Emit = silent,
): Promise<VerificationReport> {
  emit({ type: "start", task: "verify" });
  const report = await verify(
    {
      clock: ports.clock,
      sleep: ports.sleep,
      random: ports.random,
      appToken: ports.appToken,
      ...(input.graph ? { graph: input.graph } : {}),
      ...(ports.appGraph ? { appGraph: ports.appGraph } : {}),
      // The run's retry budget reaches the proof's Graph reads too (they used the default 120 s).
      ...(ports.retry ? { retry: ports.retry } : {}),
      progress: (event) => {
        ports.progress?.(event);
        emit({
          type: "verify-progress",
          granted: event.done ?? 0,
          total: event.total ?? 0,
          message: event.message,
        });
      },
    },
    {
      tenantId: input.tenantId,
      clientId: input.clientId,
      credential: input.credential,
      permissions: input.permissions,
      cloud: ports.cloud,
      ...(input.sharePointTenant ? { sharePointTenant: input.sharePointTenant } : {}),
      ...(input.deadlineMs !== undefined ? { deadlineMs: input.deadlineMs } : {}),
      ...(input.credentialGraceMs !== undefined ? { credentialGraceMs: input.credentialGraceMs } : {}),
    },
  );
  emit({ type: "verified", report });
  const granted = report.items.filter((i) => i.status === "granted").length;
  emit({ type: "done", task: "verify", detail: `${granted}/${report.items.length}` });
  return report;
}

export interface VerifyResult {
  readonly tenantId: string;
  readonly clientId: string;
  readonly report: VerificationReport;
}

/** `verify`: the three values in, the token proof out. */
/**
 * A Graph port on the app's own token when that token may read the directory (its roles hold a
 * DIRECTORY_READER_ROLES entry), to read its grants back; undefined otherwise, and when the token
 * is refused (the proof's token checks report why).
 */
export async function appDirectoryGraph(
  ports: ProofPorts,
  who: Pick<ProofInput, "tenantId" | "clientId" | "credential">,
): Promise<GraphPort | undefined> {
  const resource = audienceFor("microsoft-graph", ports.cloud, undefined);
  if (ports.appGraph === undefined || resource === undefined) return undefined;
  try {
    const token = await ports.appToken.acquire({ ...who, resource });
    return canReadDirectory(decodeJwt(token).roles) ? ports.appGraph(token) : undefined;
  } catch (error) {
    if (isCoreError(error)) return undefined;
    throw error;
  }
}

export async function verifyApp(
  // The run's retry budget (BOXAFE_RETRY_BUDGET_SECONDS) bounds waiting out an outage of the token service.
  ports: RuntimePorts & ProofPorts & { readonly retry?: Partial<RetryPolicy> },
  request: VerifyRequest,
  emit: Emit = silent,
): Promise<VerifyResult> {
  const deadlineMs = request.deadlineSeconds * 1000;
  const who = { tenantId: request.tenantId, clientId: request.clientId, credential: request.credential };
  const graph = request.readGrantsBack ? await appDirectoryGraph(ports, who) : undefined;
  const report = await prove(
    ports,
    {
      ...who,
      permissions: permissionsOf(request),
      ...(request.sharePointTenant ? { sharePointTenant: request.sharePointTenant } : {}),
      ...(graph ? { graph } : {}),
      deadlineMs,
      // A credential not replicated yet is retried a while; never past the deadline.
      credentialGraceMs: Math.min(deadlineMs, request.credentialGraceSeconds * 1000),
    },
    emit,
  );
  return { tenantId: request.tenantId, clientId: request.clientId, report };
}
