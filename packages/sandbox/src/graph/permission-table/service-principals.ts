/**
 * Graph permission rows for service principals: list, create, read, update/upsert, delete, their
 * app role assignments (both directions) and their delegated grants.
 * Each row cites its Microsoft page; the rules (both columns, "A and B", "none", stricter
 * than the tables) are in ../permission-table.ts.
 */
import { READ_GRANTS } from "./permission-grants.js";
import { DOCS, type PermissionRow, SP_KEYS, under } from "./row.js";

/** Who may read service principals, their assignments and app role holders (same four everywhere). */
const READ_APPS_DELEGATED = [
  "Application.Read.All",
  "Application.ReadWrite.All",
  "Directory.Read.All",
  "Directory.ReadWrite.All",
];
const ASSIGN = [
  "AppRoleAssignment.ReadWrite.All and Application.Read.All",
  "AppRoleAssignment.ReadWrite.All and Directory.Read.All",
];

export const SERVICE_PRINCIPAL_ROWS: readonly PermissionRow[] = [
  {
    method: "GET",
    paths: ["/servicePrincipals", ...SP_KEYS],
    delegated: READ_APPS_DELEGATED,
    application: ["Application.Read.All", "Application.ReadWrite.All", "Directory.Read.All"],
    source: `${DOCS}serviceprincipal-list, ${DOCS}serviceprincipal-get`,
  },
  {
    method: "POST",
    paths: ["/servicePrincipals"],
    delegated: ["Application.ReadWrite.All", "Directory.ReadWrite.All"],
    application: ["Application.ReadWrite.All", "Directory.ReadWrite.All"],
    source: `${DOCS}serviceprincipal-post-serviceprincipals`,
  },
  {
    // serviceprincipal-update also lists Directory.ReadWrite.All; PATCH (appId=…) is the upsert too,
    // whose page names Application.ReadWrite.All only: the stricter of the two applies to that path.
    method: "PATCH",
    paths: ["/servicePrincipals/{id}"],
    delegated: ["Application.ReadWrite.All", "Directory.ReadWrite.All"],
    application: ["Application.ReadWrite.All", "Directory.ReadWrite.All"],
    source: `${DOCS}serviceprincipal-update`,
  },
  {
    method: "PATCH",
    paths: ["/servicePrincipals(appId={key})"],
    delegated: ["Application.ReadWrite.All"],
    application: ["Application.ReadWrite.All"],
    source: `${DOCS}serviceprincipal-upsert (page read, not the include file)`,
  },
  {
    method: "DELETE",
    paths: SP_KEYS,
    delegated: ["Application.ReadWrite.All"],
    application: ["Application.ReadWrite.All"],
    source: `${DOCS}serviceprincipal-delete`,
  },
  {
    method: "GET",
    paths: [
      ...under(SP_KEYS, "/appRoleAssignedTo"),
      ...under(SP_KEYS, "/appRoleAssignedTo/{id}"),
      ...under(SP_KEYS, "/appRoleAssignments"),
      ...under(SP_KEYS, "/appRoleAssignments/{id}"),
    ],
    delegated: READ_APPS_DELEGATED,
    application: READ_APPS_DELEGATED,
    source: `${DOCS}serviceprincipal-list-approleassignedto, ${DOCS}serviceprincipal-list-approleassignments`,
  },
  {
    method: "POST",
    paths: [...under(SP_KEYS, "/appRoleAssignedTo"), ...under(SP_KEYS, "/appRoleAssignments")],
    delegated: ASSIGN,
    application: ASSIGN,
    source: `${DOCS}serviceprincipal-post-approleassignedto, ${DOCS}serviceprincipal-post-approleassignments`,
  },
  {
    method: "DELETE",
    paths: [...under(SP_KEYS, "/appRoleAssignedTo/{id}"), ...under(SP_KEYS, "/appRoleAssignments/{id}")],
    delegated: ["AppRoleAssignment.ReadWrite.All"],
    application: ["AppRoleAssignment.ReadWrite.All"],
    source: `${DOCS}serviceprincipal-delete-approleassignedto, ${DOCS}serviceprincipal-delete-approleassignments`,
  },
  {
    method: "GET",
    paths: under(SP_KEYS, "/oauth2PermissionGrants"),
    delegated: READ_GRANTS,
    application: READ_GRANTS,
    source: `${DOCS}serviceprincipal-list-oauth2permissiongrants`,
  },
];
