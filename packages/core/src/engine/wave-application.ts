/** Wave 1: the application (upsert by uniqueName, or update of an adopted app) and missing resource SPs. */
import { type GraphDeps, type RetryBudget, type RunRequest, runRequests } from "../graph/batch-runner.js";
import type { Plan } from "../tenant/model.js";
import { type ApplyState, bodyOf, byType, readId } from "./apply-state.js";
import { findDeleted, isUniqueNameTaken, restoreDeleted } from "./deleted-items.js";
import { obj, s } from "./graph-shapes.js";
import { applicationPath, CREATE_IF_MISSING, servicePrincipalByAppId } from "./paths.js";

export async function waveOne(
  deps: GraphDeps,
  plan: Plan,
  state: ApplyState,
  budget: RetryBudget,
  /** Tags to write with the upsert (the pending hand-over marks, see hand-over-marker.ts). */
  tags?: readonly string[],
): Promise<void> {
  const upsert = byType(plan, "upsert-application")[0];
  const resourceSps = byType(plan, "upsert-resource-service-principal");
  const requests: RunRequest[] = resourceSps.map((r) => ({
    id: `resource:${r.resource}`,
    method: "PATCH",
    url: servicePrincipalByAppId(r.appId),
    headers: CREATE_IF_MISSING,
    body: {},
  }));
  if (upsert !== undefined) {
    const own = "uniqueName" in upsert.appKey;
    requests.push({
      id: "app",
      method: "PATCH",
      url: applicationPath(upsert.appKey),
      // An adopted app must already exist: a plain update, never a create.
      ...(own ? { headers: CREATE_IF_MISSING } : {}),
      body: {
        displayName: upsert.displayName,
        requiredResourceAccess: upsert.requiredResourceAccess,
        ...(own ? { signInAudience: "AzureADMyOrg" } : {}),
        ...(tags === undefined ? {} : { tags }),
      },
      lagOn404: !own,
    });
  }
  if (requests.length === 0) return;
  deps.progress?.({ phase: "apply", message: "Registering the application", done: 0, total: 3 });
  const results = await runRequests(deps, requests, budget).catch(async (error: unknown) => {
    // Our app sits in deleted items and still holds the uniqueName: restore it, then upsert again.
    if (upsert === undefined || !("uniqueName" in upsert.appKey) || !isUniqueNameTaken(error)) throw error;
    const deleted = await findDeleted(deps, "application", upsert.appKey, budget);
    if (deleted.length === 0) throw error;
    deps.progress?.({ phase: "apply", message: "Restoring the app from deleted items" });
    await restoreDeleted(deps, deleted, budget);
    return runRequests(deps, requests, budget);
  });
  for (const r of resourceSps) {
    const created = s(obj(bodyOf(results, `resource:${r.resource}`)).id);
    const id = created !== "" ? created : (await readId(deps, servicePrincipalByAppId(r.appId), budget)).id;
    state.resourceIds.set(r.resource, id);
  }
  if (upsert !== undefined) {
    const body = obj(bodyOf(results, "app"));
    // 201 returns the new app; 204 (it existed, or our earlier attempt's answer was lost) does not.
    const ids =
      s(body.id) !== ""
        ? { id: s(body.id), appId: s(body.appId) }
        : (state.app ?? (await readId(deps, applicationPath(upsert.appKey), budget)));
    state.app = { id: ids.id, appId: ids.appId, displayName: upsert.displayName };
  }
}
