/**
 * Graph permission rows for applications: list, create, read, update/upsert, delete, and their
 * password and key credentials.
 * Each row cites its Microsoft page; the rules (both columns, "A and B", "none", stricter
 * than the tables) are in ../permission-table.ts.
 */
import { APP_KEYS, DOCS, type PermissionRow, under } from "./row.js";

export const APPLICATION_ROWS: readonly PermissionRow[] = [
  {
    method: "GET",
    paths: ["/applications"],
    delegated: [
      "Application.Read.All",
      "Application.ReadWrite.All",
      "Directory.ReadWrite.All",
      "Directory.Read.All",
    ],
    application: ["Application.Read.All", "Application.ReadWrite.All", "Directory.Read.All"],
    source: `${DOCS}application-list`,
  },
  {
    method: "POST",
    paths: ["/applications"],
    delegated: ["AppRegistration.Create", "Application.ReadWrite.All"],
    application: ["AppRegistration.Create", "Application.ReadWrite.All"],
    source: `${DOCS}application-post-applications`,
  },
  {
    method: "GET",
    paths: APP_KEYS,
    delegated: ["Application.Read.All", "Application.ReadWrite.All", "Directory.Read.All"],
    application: ["Application.Read.All", "Application.ReadWrite.All"],
    source: `${DOCS}application-get`,
  },
  {
    // Update by id or appId, and the upsert by uniqueName (application-upsert: same two columns).
    method: "PATCH",
    paths: APP_KEYS,
    delegated: ["Application.ReadWrite.All"],
    application: ["Application.ReadWrite.All"],
    source: `${DOCS}application-update (page read, not the include file); ${DOCS}application-upsert`,
  },
  {
    method: "DELETE",
    paths: APP_KEYS,
    delegated: ["Application.ReadWrite.All"],
    application: ["Application.ReadWrite.All"],
    source: `${DOCS}application-delete`,
  },
  {
    method: "POST",
    paths: [...under(APP_KEYS, "/addPassword"), ...under(APP_KEYS, "/removePassword")],
    delegated: ["Application.ReadWrite.All"],
    application: ["Application.ReadWrite.All"],
    source: `${DOCS}application-addpassword, ${DOCS}application-removepassword (pages read, not the include files)`,
  },
  {
    // "An application does not need any specific permission to roll its own keys": the handler lets
    // the app itself through and holds everyone else to Application.ReadWrite.All (key-actions.ts).
    method: "POST",
    paths: [...under(APP_KEYS, "/addKey"), ...under(APP_KEYS, "/removeKey")],
    delegated: ["Application.ReadWrite.All", "Directory.ReadWrite.All"],
    application: ["none"],
    source: `${DOCS}application-addkey, ${DOCS}application-removekey`,
  },
];
