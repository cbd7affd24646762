import type { PermissionsView, Plan } from "@boxafe-connect/core";
import type { PermissionGroup, PermissionStatus } from "../components/permission-table.js";

/**
 * Turns core's permissions view and plan into table rows. The plan decides: a permission is
 * missing when the plan assigns or grants it, granted otherwise; a retired API shows as retired.
 */
export function reviewGroups(
  view: PermissionsView,
  plan: Plan,
  keyOf: (name: string) => string,
): PermissionGroup[] {
  const missing = new Set<string>();
  for (const action of plan.actions) {
    if (action.type === "assign-app-role") missing.add(`${action.resource}|application|${action.value}`);
    if (action.type === "create-grant" || action.type === "update-grant") {
      const before = new Set(action.type === "update-grant" ? action.previousScope.split(" ") : []);
      for (const value of action.scope.split(" ")) {
        if (value !== "" && !before.has(value)) missing.add(`${action.resource}|delegated|${value}`);
      }
    }
  }
  return view.resources.map((resource) => ({
    name: resource.name,
    appId: resource.appId,
    permissions: resource.permissions.map((p) => {
      const retired = p.advisories.some((a) => a.status === "retired");
      const status: PermissionStatus = retired
        ? "retired"
        : missing.has(`${keyOf(resource.appId)}|${p.kind}|${p.value}`)
          ? "missing"
          : "granted";
      return { ...p, status };
    }),
  }));
}
