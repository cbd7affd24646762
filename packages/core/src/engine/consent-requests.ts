/**
 * Wave 3: app role assignments and delegated grants. A duplicate assignment answers "already
 * exists" (success). A grant that already exists (409) may hold other scopes, so it is re-read and
 * set to the wanted scope string by PATCH.
 */
import type { ResourceKey } from "../catalog/types.js";
import { CoreError } from "../errors.js";
import type { GraphDeps, RetryBudget, RunRequest, RunResult } from "../graph/batch-runner.js";
import { runRequests } from "../graph/batch-runner.js";
import type { Action } from "../tenant/model.js";
import { readGrant, values } from "./graph-shapes.js";
import { quoteKey } from "./paths.js";

export type ConsentAction = Extract<
  Action,
  { type: "assign-app-role" | "remove-app-role-assignment" | "create-grant" | "update-grant" }
>;

export function isConsentAction(action: Action): action is ConsentAction {
  return (
    action.type === "assign-app-role" ||
    action.type === "remove-app-role-assignment" ||
    action.type === "create-grant" ||
    action.type === "update-grant"
  );
}

export function consentRequest(
  action: ConsentAction,
  index: number,
  spId: string,
  resourceId: (key: ResourceKey) => string,
): RunRequest {
  const id = `consent-${index}`;
  switch (action.type) {
    case "assign-app-role":
      return {
        id,
        method: "POST",
        url: `/servicePrincipals/${spId}/appRoleAssignments`,
        body: { principalId: spId, resourceId: resourceId(action.resource), appRoleId: action.appRoleId },
        lagOn404: true,
      };
    case "remove-app-role-assignment":
      return {
        id,
        method: "DELETE",
        url: `/servicePrincipals/${spId}/appRoleAssignments/${action.assignmentId}`,
        absentOk: true,
      };
    case "create-grant":
      return {
        id,
        method: "POST",
        url: "/oauth2PermissionGrants",
        body: {
          clientId: spId,
          consentType: "AllPrincipals",
          resourceId: resourceId(action.resource),
          scope: action.scope,
        },
        lagOn404: true,
      };
    case "update-grant":
      return {
        id,
        method: "PATCH",
        url: `/oauth2PermissionGrants/${action.grantId}`,
        body: { scope: action.scope },
        lagOn404: true,
      };
  }
}

function sameScope(a: string, b: string): boolean {
  const norm = (x: string) => [...new Set(x.split(" ").filter((v) => v !== ""))].sort().join(" ");
  return norm(a) === norm(b);
}

/** For each create-grant that found a grant already there, make its scope the wanted one. */
export async function reconcileExistingGrants(
  deps: GraphDeps,
  spId: string,
  pending: readonly { action: Extract<Action, { type: "create-grant" }>; resourceId: string }[],
  budget: RetryBudget,
): Promise<void> {
  if (pending.length === 0) return;
  const filter = encodeURIComponent(`clientId eq ${quoteKey(spId)} and consentType eq 'AllPrincipals'`);
  const read = await runRequests(
    deps,
    [{ id: "grants", method: "GET", url: `/oauth2PermissionGrants?$filter=${filter}`, lagOn404: true }],
    budget,
  );
  const result = read.get("grants");
  const grants =
    result !== undefined && result.kind === "ok" ? values(result.response.body).map(readGrant) : [];
  const patches: RunRequest[] = [];
  for (const { action, resourceId } of pending) {
    const grant = grants.find((g) => g.resourceId === resourceId);
    if (grant === undefined) {
      throw new CoreError(
        "graph_request_failed",
        `Microsoft Graph said the delegated grant for ${action.resource} exists but it could not be read back. Re-run in a minute.`,
      );
    }
    if (!sameScope(grant.scope, action.scope)) {
      patches.push({
        id: `patch-${patches.length}`,
        method: "PATCH",
        url: `/oauth2PermissionGrants/${grant.id}`,
        body: { scope: action.scope },
        lagOn404: true,
      });
    }
  }
  if (patches.length > 0) await runRequests(deps, patches, budget);
}

export function existed(result: RunResult | undefined): boolean {
  return result?.kind === "exists";
}
