/**
 * Which permissions each Graph call needs, copied from Microsoft's per-API permission tables
 * (microsoftgraph/microsoft-graph-docs-contrib `api-reference/v1.0/includes/permissions/*-permissions.md`,
 * rendered on learn.microsoft.com/graph/api/<name>): for each row, the "least privileged" and
 * "higher privileged" columns of the work-or-school "Delegated" line go to `delegated`, the
 * "Application" line to `application`. A token holding none of them gets 403 Authorization_RequestDenied.
 *
 * Adding an endpoint: add one row to its resource's file under permission-table/ (method, the paths it serves, both lists, the doc page). An
 * entry "A and B" needs both (Graph's tables write combinations that way); "none" means any valid token
 * (the handler decides, e.g. /me refuses app tokens with its own 400, or a call an app may make on itself).
 * A Graph call that succeeds without a row answers 500, so a missing row cannot go unnoticed.
 *
 * Deliberately stricter than the tables (the sandbox never grants more than Microsoft):
 * - `Application.ReadWrite.OwnedBy` is left out: the sandbox does not model apps owning apps.
 * - `Directory.AccessAsUser.All` and agent-identity permissions are left out (not in these tables).
 * Where a table was not in the fixture set, the row says "(page read, not the include file)" and keeps to
 * the permissions named there, no more.
 */

import { APPLICATION_ROWS } from "./permission-table/applications.js";
import { DELETED_ITEM_ROWS } from "./permission-table/deleted-items.js";
import { ORGANIZATION_ROWS } from "./permission-table/organization-and-me.js";
import { PERMISSION_GRANT_ROWS } from "./permission-table/permission-grants.js";
import type { PermissionRow } from "./permission-table/row.js";
import { SERVICE_PRINCIPAL_ROWS } from "./permission-table/service-principals.js";
import { USER_AND_POLICY_ROWS } from "./permission-table/users-and-policies.js";

export type { PermissionRow } from "./permission-table/row.js";

/** Every row, one file a resource under permission-table/ (the order is the lookup order). */
export const PERMISSION_TABLE: readonly PermissionRow[] = [
  ...APPLICATION_ROWS,
  ...DELETED_ITEM_ROWS,
  ...SERVICE_PRINCIPAL_ROWS,
  ...PERMISSION_GRANT_ROWS,
  ...ORGANIZATION_ROWS,
  ...USER_AND_POLICY_ROWS,
];
