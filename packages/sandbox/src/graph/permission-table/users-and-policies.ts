/**
 * Graph permission rows for users (Graph GET /users, w14) and tenant policies (w18): the handlers also check directory roles.
 * Each row cites its Microsoft page; the rules (both columns, "A and B", "none", stricter
 * than the tables) are in ../permission-table.ts.
 */
import { DOCS, type PermissionRow } from "./row.js";

export const USER_AND_POLICY_ROWS: readonly PermissionRow[] = [
  {
    method: "GET",
    paths: ["/users"],
    delegated: [
      "User.ReadBasic.All",
      "User.Read.All",
      "User.ReadWrite.All",
      "Directory.Read.All",
      "Directory.ReadWrite.All",
    ],
    application: [
      "User.ReadBasic.All",
      "User.Read.All",
      "User.ReadWrite.All",
      "Directory.Read.All",
      "Directory.ReadWrite.All",
    ],
    source: `${DOCS}user-list`,
  },
  {
    method: "GET",
    paths: [
      "/policies/defaultAppManagementPolicy",
      "/policies/appManagementPolicies",
      "/policies/appManagementPolicies/{id}",
    ],
    delegated: [
      "Policy.Read.All",
      "Policy.Read.ApplicationConfiguration",
      "Policy.ReadWrite.ApplicationConfiguration",
    ],
    application: [
      "Policy.Read.All",
      "Policy.Read.ApplicationConfiguration",
      "Policy.ReadWrite.ApplicationConfiguration",
    ],
    source: `${DOCS}tenantappmanagementpolicy-get, ${DOCS}appmanagementpolicy-list`,
  },
  {
    method: "GET",
    paths: ["/policies/appManagementPolicies/{id}/appliesTo"],
    delegated: ["Application.Read.All and Policy.Read.All"],
    application: ["Application.Read.All and Policy.Read.All"],
    source: `${DOCS}appmanagementpolicy-list-appliesto`,
  },
  {
    method: "GET",
    paths: ["/policies/authorizationPolicy"],
    delegated: ["Policy.Read.All", "Policy.ReadWrite.Authorization"],
    application: ["Policy.Read.All", "Policy.ReadWrite.Authorization"],
    source: `${DOCS}authorizationpolicy-get`,
  },
  {
    method: "GET",
    paths: ["/identity/conditionalAccess/policies", "/identity/conditionalAccess/policies/{id}"],
    delegated: ["Policy.Read.All"],
    application: ["Policy.Read.All"],
    source: `${DOCS}conditionalaccessroot-list-policies`,
  },
];
