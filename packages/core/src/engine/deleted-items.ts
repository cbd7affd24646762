/**
 * Entra keeps a deleted application (and its service principal) 30 days in directory/deletedItems,
 * restorable with its credentials (learn.microsoft.com/graph/api/directory-deleteditems-restore).
 * Two consequences for us:
 * - `remove` takes every credential off first, so a restore never brings back a working secret,
 *   and `--purge` deletes the app (and its service principal) from deleted items for good;
 * - a later upsert by the same uniqueName may be refused while the deleted app holds it (Microsoft
 *   does not document it either way; the sandbox assumes the stricter answer), so setup restores
 *   our deleted app and carries on with it: same appId, no credentials, its permissions re-applied.
 */

import { isCoreError } from "../errors.js";
import { type GraphDeps, type RetryBudget, runRequests } from "../graph/batch-runner.js";
import type { AppKey } from "../tenant/model.js";
import { obj, s, values } from "./graph-shapes.js";
import { quoteKey } from "./paths.js";

const DELETED = "/directory/deletedItems";
const UNIQUE_NAME_TAKEN = "property uniqueName already exists";

/** True for Graph's refusal of a create/upsert whose uniqueName another object (maybe deleted) holds. */
export function isUniqueNameTaken(error: unknown): boolean {
  return isCoreError(error) && error.status === 400 && error.message.includes(UNIQUE_NAME_TAKEN);
}

/** Object ids of deleted applications (or service principals) matching the key. */
export async function findDeleted(
  deps: GraphDeps,
  type: "application" | "servicePrincipal",
  key: AppKey,
  budget: RetryBudget,
): Promise<string[]> {
  const field = "uniqueName" in key ? "uniqueName" : "appId";
  const value = "uniqueName" in key ? key.uniqueName : key.appId;
  const read = await runRequests(
    deps,
    [
      {
        id: "deleted",
        method: "GET",
        url: `${DELETED}/microsoft.graph.${type}?$filter=${field} eq ${quoteKey(value)}&$select=id,appId,uniqueName`,
      },
    ],
    budget,
  );
  const result = read.get("deleted");
  const items = result?.kind === "ok" ? values(result.response.body) : [];
  // Filtered again here: a tenant that ignores $filter on deleted items still cannot mislead us.
  return items
    .map(obj)
    .filter((item) => s(item[field]).toLowerCase() === value.toLowerCase())
    .map((item) => s(item.id));
}

/**
 * A write on deleted items by id: one request per id in one run (batched by the runner), each `absentOk`
 * (an item already gone, purged or restored meanwhile, is not an error), so a re-run converges.
 */
function deletedItemsWrite(
  name: string,
  method: "POST" | "DELETE",
  url: (id: string) => string,
): (deps: GraphDeps, ids: readonly string[], budget: RetryBudget) => Promise<void> {
  return async (deps, ids, budget) => {
    if (ids.length === 0) return;
    await runRequests(
      deps,
      ids.map((id, i) => ({ id: `${name}-${i}`, method, url: url(id), absentOk: true })),
      budget,
    );
  };
}

/** Restores deleted applications or service principals (same object ids, no credentials). */
export const restoreDeleted = deletedItemsWrite("restore", "POST", (id) => `${DELETED}/${id}/restore`);

/** Deletes applications or service principals from deleted items for good. */
export const purgeDeleted = deletedItemsWrite("purge", "DELETE", (id) => `${DELETED}/${id}`);
