/** Human lines and counts for a plan: what dry runs print and the review step shows. */
import { resourceName } from "./catalog-link.js";
import type { Action, ActionType, Finding, Plan } from "./model.js";

export const ACTION_TYPES = [
  "upsert-resource-service-principal",
  "upsert-application",
  "upsert-service-principal",
  "add-password",
  "remove-password",
  "add-certificate",
  "assign-app-role",
  "remove-app-role-assignment",
  "create-grant",
  "update-grant",
] as const satisfies readonly ActionType[];

function permissionCount(action: Extract<Action, { type: "upsert-application" }>): string {
  const count = action.requiredResourceAccess.reduce((sum, group) => sum + group.resourceAccess.length, 0);
  const apis = action.requiredResourceAccess.length;
  return `${count} permission${count === 1 ? "" : "s"} on ${apis} API${apis === 1 ? "" : "s"}`;
}

export function describeAction(action: Action): string {
  switch (action.type) {
    case "upsert-resource-service-principal":
      return `Add the ${resourceName(action.resource)} service principal (appId ${action.appId}) to the tenant`;
    case "upsert-application":
      return "uniqueName" in action.appKey
        ? `Register or update app "${action.displayName}" (uniqueName ${action.appKey.uniqueName}) declaring ${permissionCount(action)}`
        : `Update app "${action.displayName}" (appId ${action.appKey.appId}) declaring ${permissionCount(action)}`;
    case "upsert-service-principal":
      return "Create the app's enterprise application (service principal)";
    case "add-password":
      return `Add client secret "${action.displayName}" valid until ${action.endDateTime.slice(0, 10)}`;
    case "remove-password":
      return `Remove client secret ${action.keyId} (${action.reason})`;
    case "add-certificate":
      return `Upload certificate "${action.displayName}" (thumbprint ${action.thumbprint}) valid until ${action.endDateTime.slice(0, 10)}`;
    case "assign-app-role":
      return `Grant admin consent: ${resourceName(action.resource)} ${action.value} (application)`;
    case "remove-app-role-assignment":
      return `Revoke ${resourceName(action.resource)} ${action.value} (application)`;
    case "create-grant":
      return `Grant admin consent for all users: ${resourceName(action.resource)} "${action.scope}" (delegated)`;
    case "update-grant":
      return `Change the delegated grant on ${resourceName(action.resource)} from "${action.previousScope}" to "${action.scope}"`;
  }
}

/** JSON-safe digest of a plan (no secret in it): counts per action type, lines, findings. */
export interface PlanSummary {
  readonly total: number;
  readonly counts: Readonly<Record<ActionType, number>>;
  readonly actions: readonly string[];
  readonly findings: readonly Finding[];
}

export function summarizePlan(plan: Plan): PlanSummary {
  const counts = Object.fromEntries(ACTION_TYPES.map((type) => [type, 0])) as Record<ActionType, number>;
  for (const action of plan.actions) counts[action.type] += 1;
  return {
    total: plan.actions.length,
    counts,
    actions: plan.actions.map(describeAction),
    findings: plan.findings,
  };
}
