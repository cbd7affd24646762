/** Reads one application (ids and credentials) by its key; not_found when it does not exist. */
import { CoreError } from "../errors.js";
import { type GraphDeps, type RetryBudget, runRequests } from "../graph/batch-runner.js";
import type { AppKey, ObservedApplication } from "../tenant/model.js";
import { readApplication } from "./graph-shapes.js";
import { APPLICATION_SELECT, applicationPath } from "./paths.js";

export async function findApplication(
  deps: GraphDeps,
  appKey: AppKey,
  budget: RetryBudget,
): Promise<ObservedApplication | undefined> {
  const read = await runRequests(
    deps,
    [
      {
        id: "app",
        method: "GET",
        url: `${applicationPath(appKey)}?$select=${APPLICATION_SELECT}`,
        absentOk: true,
      },
    ],
    budget,
  );
  const result = read.get("app");
  return result?.kind === "ok" ? readApplication(result.response.body) : undefined;
}

export async function requireApplication(
  deps: GraphDeps,
  appKey: AppKey,
  budget: RetryBudget,
): Promise<ObservedApplication> {
  const app = await findApplication(deps, appKey, budget);
  if (app === undefined) {
    const which =
      "appId" in appKey ? `with Application (client) ID ${appKey.appId}` : `"${appKey.uniqueName}"`;
    throw new CoreError(
      "not_found",
      `No application ${which} exists in this tenant. Check the ID or run setup first.`,
      {
        field: "appId" in appKey ? "appId" : "uniqueName",
      },
    );
  }
  return app;
}
