/**
 * Which permissions each Graph call needs, copied from Microsoft's per-API permission tables
 * (microsoftgraph/microsoft-graph-docs-contrib `api-reference/v1.0/includes/permissions/*-permissions.md`,
 * rendered on learn.microsoft.com/graph/api/<name>): for each row, the "least privileged" and
 * "higher privileged" columns of the work-or-school "Delegated" line go to `delegated`, the
 * "Application" line to `application`. A token holding none of them gets 403 Authorization_RequestDenied.
 *
 * Adding an endpoint: add one row here (method, the paths it serves, both lists, the doc page). An
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

export interface PermissionRow {
  readonly method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Paths after /v1.0: `{id}` is one segment, `{key}` a quoted alternate key such as `(appId='…')`. */
  readonly paths: readonly string[];
  readonly delegated: readonly string[];
  readonly application: readonly string[];
  /** Microsoft's page for the call (its permissions table). */
  readonly source: string;
}

const DOCS = "https://learn.microsoft.com/graph/api/";

const APP_KEYS = ["/applications/{id}", "/applications(appId={key})", "/applications(uniqueName={key})"];
const SP_KEYS = ["/servicePrincipals/{id}", "/servicePrincipals(appId={key})"];
const under = (keys: readonly string[], tail: string) => keys.map((k) => `${k}${tail}`);

/** Who may read service principals, their assignments and app role holders (same four everywhere). */
const READ_APPS_DELEGATED = [
  "Application.Read.All",
  "Application.ReadWrite.All",
  "Directory.Read.All",
  "Directory.ReadWrite.All",
];
const READ_GRANTS = [
  "Directory.Read.All",
  "DelegatedPermissionGrant.ReadWrite.All",
  "Directory.ReadWrite.All",
];
const ASSIGN = [
  "AppRoleAssignment.ReadWrite.All and Application.Read.All",
  "AppRoleAssignment.ReadWrite.All and Directory.Read.All",
];

export const PERMISSION_TABLE: readonly PermissionRow[] = [
  // Applications
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
  // Deleted items (applications and service principals only: the sandbox soft-deletes nothing else)
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
    source: `${DOCS}directory-deleteditems-restore (application row; OwnedBy left out as above)`,
  },
  {
    method: "DELETE",
    paths: ["/directory/deletedItems/{id}"],
    delegated: ["Application.ReadWrite.All"],
    application: ["Application.ReadWrite.All"],
    source: `${DOCS}directory-deleteditems-delete (application row)`,
  },
  // Service principals
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
  // Delegated permission grants
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
  // The tenant and the signed-in user
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
  // Users (Graph GET /users, w14) and tenant policies (w18): the handlers also check directory roles.
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
