/**
 * fleet check: every tenant's health from the app's own credential (no admin sign-in): the drift
 * check and the token proof read with the app's token, every credential's days left, and the
 * workload calls (Graph, SharePoint, EWS) where the credential allows them. Rows are emitted as each
 * tenant finishes, so memory stays flat however long the fleet is; the summary counts lights.
 */

import type { GraphPort } from "../graph/port.js";
import type { RuntimePorts } from "../ports.js";
import { setupRequestSchema } from "../requests/setup-request.js";
import type { MadeCertificate, ProofPorts } from "../usecases/ports.js";
import { permissionsOf } from "../usecases/prepare.js";
import { prove } from "../usecases/verify-app.js";
import { proveApp } from "../usecases/workloads.js";
import { audienceFor } from "../verify/audiences.js";
import type { VerificationReport } from "../verify/verify.js";
import type { HttpPort } from "../workloads/http-port.js";
import { forEachBounded } from "./bounded.js";
import type { CredentialStore } from "./credential-store.js";
import { errorSummary } from "./error-summary.js";
import type { FleetEntry } from "./fleet-file.js";
import type { FleetState } from "./fleet-state.js";
import { fleetKey } from "./fleet-state.js";
import { heldCertificates } from "./held-certificate.js";
import {
  expiryProblems,
  type Light,
  lightOf,
  type Problem,
  proofProblems,
  type TenantHealth,
  workloadProblems,
} from "./tenant-health.js";
import { tenantTokens } from "./tenant-tokens.js";

export interface AppSession {
  /**
   * Graph on the app's own token (the drift check reads its consent back); core passes the token source,
   * the tenant's one Graph token (tenant-tokens.ts), so no `$batch` asks the token service again.
   */
  graph(getAccessToken: () => Promise<string>): GraphPort;
  readonly proof: ProofPorts;
  readonly http: HttpPort;
}

export interface FleetCheckPorts<C extends MadeCertificate> extends RuntimePorts {
  readonly store: CredentialStore<C>;
  /** Ports acting as the app itself with its stored certificate, in the tenant. */
  appSession(tenantId: string, clientId: string, certificate: C): AppSession;
}

export interface FleetCheckSummary {
  readonly total: number;
  readonly lights: Readonly<Record<Light, number>>;
  /** True when any tenant is amber or red: the CLI's exit code says "needs action". */
  readonly needsAction: boolean;
}

const NOT_ONBOARDED: Problem = {
  kind: "not-onboarded",
  severity: "red",
  message: "No app of ours is recorded for this tenant, or its certificate is not in the credential store.",
  fix: "Run `boxafe-connect fleet setup` for this tenant.",
};

/** contoso of https://contoso.sharepoint.com, from the audience the proof asked SharePoint for. */
function sharePointTenantOf(report: VerificationReport): string | undefined {
  const audience = report.tokens.find((t) => t.resource === "sharepoint")?.audience ?? "";
  return /^https:\/\/([^./]+)\.sharepoint\./i.exec(audience)?.[1];
}

async function checkOne<C extends MadeCertificate>(
  ports: FleetCheckPorts<C>,
  entry: FleetEntry,
  state: FleetState,
): Promise<TenantHealth> {
  const base = { row: entry.row, tenant: entry.tenant, label: entry.label };
  const record = state.tenants[fleetKey(entry.tenant)];
  // The certificate the app is known to accept, not one a killed rotate saved but never proved.
  const { current: certificate } = await heldCertificates(ports.store, fleetKey(entry.tenant), record);
  if (!record?.tenantId || !record.clientId || !certificate) {
    return { ...base, light: "red", problems: [NOT_ONBOARDED] };
  }
  const ids = { tenantId: record.tenantId, clientId: record.clientId };
  const expiry = expiryProblems(certificate.notAfter, ports.clock.now());
  const problems: Problem[] = [...expiry.problems];
  const session = ports.appSession(record.tenantId, record.clientId, certificate);
  const credential = {
    kind: "certificate" as const,
    certificatePem: certificate.certificatePem,
    privateKeyPem: certificate.privateKeyPem,
  };
  // One token per audience for this tenant: the proof's fresh one, then reused by the reads and calls.
  const tokens = tenantTokens(session.proof.appToken);
  const proof: ProofPorts = { ...session.proof, appToken: tokens };
  const graphAudience = audienceFor("microsoft-graph", proof.cloud, undefined) ?? proof.cloud.graphBaseUrl;
  const graph = session.graph(() => tokens.acquire({ ...ids, credential, resource: graphAudience }));
  const request = setupRequestSchema.parse({ appId: record.clientId, boxafe: entry.boxafe });
  try {
    // The app's own token cannot read its registration (GET /applications needs Application.Read.All,
    // which Table 1 does not grant), so drift is judged by what the app holds: the roles in fresh
    // tokens and the delegated grants read back with its token. One attempt, no polling.
    const report = await prove(
      { ...ports, ...proof },
      {
        ...ids,
        credential,
        permissions: permissionsOf(request),
        // The grants are read back with the app's own token (Directory.ReadWrite.All may read them).
        graph,
        deadlineMs: 0,
        credentialGraceMs: 0,
      },
    );
    problems.push(...proofProblems(report));
    const sharePointTenant = sharePointTenantOf(report);
    const workloads = await proveApp(
      { ...proof, http: session.http },
      { ...ids, credential, sharePointTenant, ewsAllowed: false },
    );
    problems.push(...workloadProblems(workloads));
  } catch (error) {
    const summary = errorSummary(error);
    const refused = summary.code === "invalid_client_credentials" || summary.code === "access_denied";
    problems.push({
      kind: refused ? "credential-refused" : "check-failed",
      severity: "red",
      message: refused
        ? `The app's certificate was refused: ${summary.message}`
        : `The check could not finish: ${summary.message}`,
      fix: refused
        ? "Run `boxafe-connect fleet setup` for this tenant."
        : "Run `boxafe-connect fleet check` again; if it persists, check the tenant by hand.",
    });
  }
  return {
    ...base,
    ...ids,
    light: lightOf(problems),
    ...(expiry.daysLeft !== undefined ? { daysLeft: expiry.daysLeft } : {}),
    expiresAt: certificate.notAfter,
    problems,
  };
}

export async function fleetCheck<C extends MadeCertificate>(
  ports: FleetCheckPorts<C>,
  entries: readonly FleetEntry[],
  state: FleetState,
  concurrency: number,
  onTenant: (health: TenantHealth) => void | Promise<void>,
): Promise<FleetCheckSummary> {
  const lights: Record<Light, number> = { green: 0, amber: 0, red: 0 };
  await forEachBounded(entries, concurrency, async (entry) => {
    const health = await checkOne(ports, entry, state);
    lights[health.light] += 1;
    await onTenant(health);
  });
  return { total: entries.length, lights, needsAction: lights.amber + lights.red > 0 };
}
