/** Wave 3: app role assignments and delegated grants (and removals), up to 20 per parallel batch. */
import type { ResourceKey } from "../catalog/types.js";
import { CoreError } from "../errors.js";
import { type GraphDeps, type RetryBudget, runRequests } from "../graph/batch-runner.js";
import type { Plan } from "../tenant/model.js";
import type { ApplyState } from "./apply-state.js";
import { consentRequest, isConsentAction, reconcileExistingGrants } from "./consent-requests.js";

export async function waveThree(
  deps: GraphDeps,
  plan: Plan,
  state: ApplyState,
  budget: RetryBudget,
): Promise<void> {
  const consent = plan.actions.filter(isConsentAction);
  if (consent.length === 0) return;
  const spId = state.spId;
  if (spId === undefined)
    throw new CoreError("not_found", "The service principal is missing; re-run the setup.");
  const resourceId = (key: ResourceKey): string => {
    const id = state.resourceIds.get(key);
    if (id === undefined)
      throw new CoreError(
        "not_found",
        `The ${key} service principal is missing in this tenant; re-run the setup.`,
      );
    return id;
  };
  deps.progress?.({
    phase: "apply",
    message: `Granting admin consent (${consent.length} changes)`,
    done: 2,
    total: 3,
  });
  const requests = consent.map((action, i) => consentRequest(action, i, spId, resourceId));
  const results = await runRequests(deps, requests, budget);
  const existing = consent.flatMap((action, i) =>
    action.type === "create-grant" && results.get(`consent-${i}`)?.kind === "exists"
      ? [{ action, resourceId: resourceId(action.resource) }]
      : [],
  );
  await reconcileExistingGrants(deps, spId, existing, budget);
}
