/**
 * Wave 1: the application (upsert by uniqueName, or update of an adopted app) and missing resource SPs.
 * The upsert never writes `tags`: PATCH replaces the whole collection (learn.microsoft.com/graph/api/
 * application-update), and a tags list built from a read that missed the app (replication lag: the app of
 * an interrupted run, created moments ago) would drop that run's pending hand-over marks, leaving its
 * secret unrecognised as unheld. The marks go in wave 2, from tags this run has actually seen.
 */
import { type GraphDeps, type RetryBudget, type RunRequest, runRequests } from "../graph/batch-runner.js";
import type { KeyCredential, Plan } from "../tenant/model.js";
import { type ApplyState, bodyOf, byType, readId } from "./apply-state.js";
import { findDeleted, isUniqueNameTaken, restoreDeleted } from "./deleted-items.js";
import { arr, obj, readKey, s } from "./graph-shapes.js";
import { applicationPath, CREATE_IF_MISSING, servicePrincipalByAppId } from "./paths.js";

/** The collections later writes replace whole (tags; keyCredentials, with their material), as last seen. */
export interface SeenApp {
  readonly tags: readonly string[];
  readonly keyCredentials: readonly KeyCredential[];
}

export interface WaveOneResult {
  /**
   * Set when this wave learnt the app's collections: empty when the upsert created it (201), read back
   * when it answered 204 for an app the observation did not see. Undefined: the observation stands.
   */
  readonly seen?: SeenApp;
}

async function readBack(
  deps: GraphDeps,
  url: string,
  budget: RetryBudget,
): Promise<{ id: string; appId: string } & SeenApp> {
  // $select=keyCredentials on one object returns the keys' material (a later keyCredentials PATCH re-sends it).
  const read = await runRequests(
    deps,
    [{ id: "read", method: "GET", url: `${url}?$select=id,appId,tags,keyCredentials`, lagOn404: true }],
    budget,
  );
  const body = obj(bodyOf(read, "read"));
  return {
    id: s(body.id),
    appId: s(body.appId),
    tags: arr(body.tags).filter((t): t is string => typeof t === "string"),
    keyCredentials: arr(body.keyCredentials).map(readKey),
  };
}

export async function waveOne(
  deps: GraphDeps,
  plan: Plan,
  state: ApplyState,
  budget: RetryBudget,
): Promise<WaveOneResult> {
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
      },
      lagOn404: !own,
    });
  }
  if (requests.length === 0) return {};
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
  if (upsert === undefined) return {};
  const body = obj(bodyOf(results, "app"));
  // 201 returns the new app (no tags: the upsert wrote none); 204 (it existed: a read that missed it, or
  // our earlier attempt's answer was lost) does not, so an app the observation did not see is read back.
  if (s(body.id) !== "") {
    state.app = { id: s(body.id), appId: s(body.appId), displayName: upsert.displayName };
    return { seen: { tags: [], keyCredentials: [] } };
  }
  if (state.app !== undefined) {
    state.app = { ...state.app, displayName: upsert.displayName };
    return {};
  }
  const { id, appId, ...seen } = await readBack(deps, applicationPath(upsert.appKey), budget);
  state.app = { id, appId, displayName: upsert.displayName };
  return { seen };
}
