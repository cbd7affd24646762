/**
 * The workload proof as a use case: per workload a real call as the app (workloads/prove-workloads.ts)
 * and the honest end built from it (workloads/readiness.ts). `ready` is what the JSON results carry.
 */

import type { HttpPort } from "../workloads/http-port.js";
import type { WorkloadProofRequest, WorkloadReport } from "../workloads/prove-workloads.js";
import { proveWorkloads } from "../workloads/prove-workloads.js";
import { type Readiness, readiness } from "../workloads/readiness.js";
import type { Emit } from "./events.js";
import { silent } from "./events.js";
import type { ProofPorts } from "./ports.js";

export interface WorkloadPorts extends Pick<ProofPorts, "appToken" | "cloud"> {
  readonly http: HttpPort;
}

export type WorkloadInput = Omit<WorkloadProofRequest, "cloud">;

export interface WorkloadResult extends WorkloadReport {
  readonly readiness: Readiness;
}

export async function proveApp(
  ports: WorkloadPorts,
  input: WorkloadInput,
  emit: Emit = silent,
): Promise<WorkloadResult> {
  emit({ type: "start", task: "verify" });
  const report = await proveWorkloads(
    { http: ports.http, tokens: ports.appToken },
    { ...input, cloud: ports.cloud },
  );
  const end = readiness(report);
  emit({ type: "done", task: "verify", detail: Object.values(report.ready).join(", ") });
  return { ...report, readiness: end };
}
