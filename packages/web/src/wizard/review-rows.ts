import type { PermissionStatusRow, PermissionsView } from "@boxafe-connect/core";
import type { PermissionGroup, PermissionStatus } from "../components/permission-table.js";

/** Core's statuses in the table's words: a permission declared but not consented is still missing. */
const tableStatus: Record<PermissionStatusRow["status"], PermissionStatus> = {
  granted: "granted",
  missing: "missing",
  "declared-only": "missing",
  retired: "retired",
};

/**
 * Core's permissions view (the portal's grouping, descriptions, advisories) with core's status per
 * permission (`permissionStatuses(desired, observed)`); the page decides nothing about permissions.
 */
export function reviewGroups(
  view: PermissionsView,
  statuses: readonly PermissionStatusRow[],
  keyOf: (appId: string) => string,
): PermissionGroup[] {
  const byKey = new Map(statuses.map((row) => [`${row.resource}|${row.kind}|${row.value}`, row.status]));
  return view.resources.map((resource) => ({
    name: resource.name,
    appId: resource.appId,
    permissions: resource.permissions.map((p) => {
      const status = byKey.get(`${keyOf(resource.appId)}|${p.kind}|${p.value}`) ?? "missing";
      return { ...p, status: tableStatus[status] };
    }),
  }));
}
