/**
 * Graph permission rows for the tenant (organization) and the signed-in user (/me, /me/memberOf).
 * Each row cites its Microsoft page; the rules (both columns, "A and B", "none", stricter
 * than the tables) are in ../permission-table.ts.
 */
import { DOCS, type PermissionRow } from "./row.js";

export const ORGANIZATION_ROWS: readonly PermissionRow[] = [
  {
    method: "GET",
    paths: ["/organization"],
    delegated: ["User.Read", "Directory.Read.All", "Directory.ReadWrite.All"],
    application: ["Directory.Read.All", "Directory.ReadWrite.All"],
    source: `${DOCS}organization-list`,
  },
  {
    method: "GET",
    paths: ["/organization/{id}"],
    delegated: [
      "User.Read",
      "Organization.Read.All",
      "Directory.Read.All",
      "Organization.ReadWrite.All",
      "Directory.ReadWrite.All",
    ],
    application: [
      "Organization.Read.All",
      "Directory.Read.All",
      "Organization.ReadWrite.All",
      "Directory.ReadWrite.All",
    ],
    source: `${DOCS}organization-get`,
  },
  {
    // App tokens reach the handler, which answers Graph's own 400 for /me without a user.
    method: "GET",
    paths: ["/me"],
    delegated: [
      "User.Read",
      "User.ReadWrite",
      "User.ReadBasic.All",
      "User.Read.All",
      "User.ReadWrite.All",
      "Directory.Read.All",
      "Directory.ReadWrite.All",
    ],
    application: ["none"],
    source: `${DOCS}user-get (page read, not the include file)`,
  },
  {
    method: "GET",
    paths: ["/me/memberOf"],
    delegated: ["User.Read", "Directory.Read.All", "Directory.ReadWrite.All", "GroupMember.Read.All"],
    application: ["none"],
    source: `${DOCS}user-list-memberof`,
  },
];
