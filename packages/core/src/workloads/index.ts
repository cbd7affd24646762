/**
 * The public names of core/workloads (src/index.ts re-exports them all; add a new export here):
 * workload proofs (on an HTTP port), readiness and the unproven report.
 */

export type { HttpPort, HttpRequest, HttpResponse } from "./http-port.js";
export type {
  WorkloadKey,
  WorkloadProof,
  WorkloadProofDeps,
  WorkloadProofRequest,
  WorkloadReport,
  WorkloadState,
} from "./prove-workloads.js";
export { proveWorkloads } from "./prove-workloads.js";
export type { Readiness } from "./readiness.js";
export { readiness, WORKLOAD_NAMES } from "./readiness.js";
export type {
  AssertionClaims,
  AssertionExpectations,
  AssertionWorkload,
} from "./signed-assertions.js";
export {
  ASSERTION_MAX_LIFETIME_SECONDS,
  checkAssertion,
  tokenEndpoint,
  workloadAudiences,
} from "./signed-assertions.js";
export type { UnprovenInput } from "./unproven.js";
export { unprovenReport } from "./unproven.js";
