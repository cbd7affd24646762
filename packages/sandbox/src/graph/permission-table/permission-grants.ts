/**
 * Graph permission rows for delegated permission grants (oauth2PermissionGrants): list, read,
 * create, update, delete.
 * Each row cites its Microsoft page; the rules (both columns, "A and B", "none", stricter
 * than the tables) are in ../permission-table.ts.
 */
import { DOCS, type PermissionRow } from "./row.js";

/** Who may read delegated grants (also a service principal's, service-principals.ts). */
export const READ_GRANTS = [
  "Directory.Read.All",
  "DelegatedPermissionGrant.ReadWrite.All",
  "Directory.ReadWrite.All",
];

export const PERMISSION_GRANT_ROWS: readonly PermissionRow[] = [
  {
    method: "GET",
    paths: ["/oauth2PermissionGrants", "/oauth2PermissionGrants/{id}"],
    delegated: READ_GRANTS,
    application: READ_GRANTS,
    source: `${DOCS}oauth2permissiongrant-list, ${DOCS}oauth2permissiongrant-get`,
  },
  {
    method: "POST",
    paths: ["/oauth2PermissionGrants"],
    delegated: ["DelegatedPermissionGrant.ReadWrite.All", "Directory.ReadWrite.All"],
    application: ["DelegatedPermissionGrant.ReadWrite.All", "Directory.ReadWrite.All"],
    source: `${DOCS}oauth2permissiongrant-post`,
  },
  {
    method: "PATCH",
    paths: ["/oauth2PermissionGrants/{id}"],
    delegated: ["DelegatedPermissionGrant.ReadWrite.All", "Directory.ReadWrite.All"],
    application: ["DelegatedPermissionGrant.ReadWrite.All", "Directory.ReadWrite.All"],
    source: `${DOCS}oauth2permissiongrant-update (page read, not the include file)`,
  },
  {
    method: "DELETE",
    paths: ["/oauth2PermissionGrants/{id}"],
    delegated: ["DelegatedPermissionGrant.ReadWrite.All", "Directory.ReadWrite.All"],
    application: ["DelegatedPermissionGrant.ReadWrite.All", "Directory.ReadWrite.All"],
    source: `${DOCS}oauth2permissiongrant-delete (page read, not the include file)`,
  },
];
