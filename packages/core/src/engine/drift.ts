/** Drift check: observe + plan. Any action means the tenant no longer holds what Boxafe needs. */
import type { GraphDeps } from "../graph/batch-runner.js";
import type { Desired, Plan } from "../tenant/model.js";
import { plan as diff } from "../tenant/plan.js";
import { type ObservedWithOrganization, observe } from "./observe.js";

export interface DriftReport {
  /** True when the plan has actions or a credential of ours was never handed over (exit code 2 in the CLI). */
  readonly drift: boolean;
  readonly plan: Plan;
  readonly observed: ObservedWithOrganization;
}

export async function checkDrift(deps: GraphDeps, desired: Desired): Promise<DriftReport> {
  const observed = await observe(deps, desired.appKey);
  const planned = diff(desired, observed, deps.clock.now());
  // A credential nobody holds is drift even when no secret is wanted: the next setup replaces it.
  const unheld = planned.findings.some((f) => f.kind === "credential-unheld");
  return { drift: planned.actions.length > 0 || unheld, plan: planned, observed };
}
