/**
 * The permission figures of a drift report: how many the app declares, how many the tenant has
 * consented (app role assignments plus delegated scopes), and the consent a repair would still give.
 */
import { describeAction } from "./describe.js";
import type { Action, ObservedTenant, Plan } from "./model.js";

export interface ConsentCounts {
  readonly declared: number;
  readonly consented: number;
  /** The plan's consent actions, described (one line per role assignment or grant). */
  readonly missing: readonly string[];
}

const CONSENT_ACTIONS: ReadonlySet<Action["type"]> = new Set([
  "assign-app-role",
  "create-grant",
  "update-grant",
]);

export function consentCounts(observed: ObservedTenant, planned: Plan): ConsentCounts {
  const declared = (observed.application?.requiredResourceAccess ?? []).reduce(
    (n, r) => n + r.resourceAccess.length,
    0,
  );
  const consented =
    observed.assignments.length +
    observed.grants.reduce((n, g) => n + g.scope.split(" ").filter(Boolean).length, 0);
  const missing = planned.actions.filter((a) => CONSENT_ACTIONS.has(a.type)).map(describeAction);
  return { declared, consented, missing };
}
