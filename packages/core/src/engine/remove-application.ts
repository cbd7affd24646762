/**
 * Removes our app. Deleting the application deletes its service principal, and with it the app role
 * assignments and delegated grants it holds, so one DELETE is the whole job; a re-run is a no-op.
 */
import { type GraphDeps, runRequests, startBudget } from "../graph/batch-runner.js";
import type { AppKey } from "../tenant/model.js";
import { findApplication } from "./find-application.js";

export interface RemoveResult {
  readonly removed: boolean;
  readonly appId?: string;
}

export async function removeApplication(deps: GraphDeps, appKey: AppKey): Promise<RemoveResult> {
  const budget = startBudget(deps);
  const app = await findApplication(deps, appKey, budget);
  if (app === undefined) return { removed: false };
  deps.progress?.({ phase: "remove", message: `Deleting ${app.displayName} (${app.appId})` });
  await runRequests(
    deps,
    [{ id: "delete", method: "DELETE", url: `/applications/${app.id}`, absentOk: true }],
    budget,
  );
  return { removed: true, appId: app.appId };
}
