/**
 * Graph permission rows for deleted items (applications and service principals only: the sandbox
 * soft-deletes nothing else).
 * Each row cites its Microsoft page; the rules (both columns, "A and B", "none", stricter
 * than the tables) are in ../permission-table.ts.
 */
import { DOCS, type PermissionRow } from "./row.js";

export const DELETED_ITEM_ROWS: readonly PermissionRow[] = [
  {
    method: "GET",
    paths: [
      "/directory/deletedItems/microsoft.graph.application",
      "/directory/deletedItems/microsoft.graph.servicePrincipal",
      "/directory/deletedItems/{id}",
    ],
    delegated: ["Application.Read.All", "Application.ReadWrite.All", "Directory.Read.All"],
    application: ["Application.Read.All", "Application.ReadWrite.All", "Directory.Read.All"],
    source: `${DOCS}directory-deleteditems-list, ${DOCS}directory-deleteditems-get (application rows)`,
  },
  {
    method: "POST",
    paths: ["/directory/deletedItems/{id}/restore"],
    delegated: ["Application.ReadWrite.All"],
    application: ["Application.ReadWrite.All"],
    source: `${DOCS}directory-deleteditems-restore (application row; OwnedBy left out: the sandbox does not model apps owning apps)`,
  },
  {
    method: "DELETE",
    paths: ["/directory/deletedItems/{id}"],
    delegated: ["Application.ReadWrite.All"],
    application: ["Application.ReadWrite.All"],
    source: `${DOCS}directory-deleteditems-delete (application row)`,
  },
];
