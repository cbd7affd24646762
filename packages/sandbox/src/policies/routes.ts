/**
 * Graph's policy reads: /policies/defaultAppManagementPolicy, /policies/appManagementPolicies[/{id}[/appliesTo]],
 * /policies/authorizationPolicy and /identity/conditionalAccess/policies[/{id}]. Read-only here: tests seed them
 * through /_sandbox/policies. Permission tables (delegated and application alike):
 * - tenantAppManagementPolicy get: Policy.Read.All (least), Policy.Read.ApplicationConfiguration,
 *   Policy.ReadWrite.ApplicationConfiguration; "Global Reader is the least privileged role"
 *   (learn.microsoft.com/graph/api/tenantappmanagementpolicy-get).
 * - appManagementPolicy list/get: Policy.Read.All, Policy.ReadWrite.ApplicationConfiguration
 *   (learn.microsoft.com/graph/api/appmanagementpolicy-list); appliesTo: Application.Read.All AND Policy.Read.All
 *   (learn.microsoft.com/graph/api/appmanagementpolicy-list-appliesto).
 * - authorizationPolicy get: Policy.Read.All, Policy.ReadWrite.Authorization; roles Global Reader, Security Reader,
 *   Security Operator, Security Administrator, Privileged Role Administrator and others
 *   (learn.microsoft.com/graph/api/authorizationpolicy-get).
 * - conditionalAccess policies list: Policy.Read.All only (learn.microsoft.com/graph/api/conditionalaccessroot-list-policies);
 *   readers: Global Reader, Security Reader, Security Administrator, Conditional Access Administrator.
 * The delegated role lists are partial on those pages; we allow only the roles they name (stricter when unsure),
 * so an Application Administrator cannot read the authorization policy or Conditional Access here.
 */
import type { SandboxContext } from "../context.js";
import { metadata } from "../graph/entity.js";
import { graphErrors } from "../graph/errors.js";
import { list, select } from "../graph/odata.js";
import { holds } from "../graph/permissions.js";
import type { Caller, GraphRequest, GraphResponse } from "../graph/types.js";
import { POLICY_ROLE, ROLE } from "../store/tenant.js";
import { AUTHORIZATION_POLICY_ID, policiesOf } from "./store.js";
import type { AppManagementPolicy, ConditionalAccessPolicy } from "./types.js";

const READERS = [
  ROLE.globalAdministrator,
  POLICY_ROLE.globalReader,
  POLICY_ROLE.securityReader,
  POLICY_ROLE.securityAdministrator,
];
const APP_POLICY_READERS = [...READERS, ROLE.applicationAdministrator, ROLE.cloudApplicationAdministrator];
const AUTHORIZATION_READERS = [...READERS, POLICY_ROLE.securityOperator, ROLE.privilegedRoleAdministrator];
const CA_READERS = [...READERS, POLICY_ROLE.conditionalAccessAdministrator];

const APP_POLICY_SCOPES = [
  "Policy.Read.All",
  "Policy.Read.ApplicationConfiguration",
  "Policy.ReadWrite.ApplicationConfiguration",
];

/** Both the permission (scope or app role) and, for a user, one of the directory roles. */
function requireRead(caller: Caller, permissions: readonly string[], roles: readonly string[]): void {
  if (!holds(caller, permissions)) throw graphErrors.denied();
  if (caller.kind === "user" && !caller.user.roles.some((r) => roles.includes(r))) throw graphErrors.denied();
}

function appPolicyShape(p: AppManagementPolicy): Record<string, unknown> {
  return {
    id: p.id,
    displayName: p.displayName,
    description: p.description,
    isEnabled: p.isEnabled,
    restrictions: p.restrictions,
  };
}

function caShape(p: ConditionalAccessPolicy): Record<string, unknown> {
  return { ...p };
}

function entity(ctx: SandboxContext, fragment: string, body: Record<string, unknown>, req: GraphRequest) {
  return { status: 200, body: { "@odata.context": metadata(ctx, fragment), ...select(body, req.query) } };
}

/** /policies/... */
export function handlePolicies(ctx: SandboxContext, req: GraphRequest, rest: string[]): GraphResponse {
  if (req.method !== "GET") throw graphErrors.method();
  const p = policiesOf(ctx.dir);
  const [name, id, sub, ...more] = rest;
  if (more.length > 0) throw graphErrors.segment(more[0] ?? "");
  if (name === "defaultAppManagementPolicy" && id === undefined) {
    requireRead(req.caller, APP_POLICY_SCOPES, APP_POLICY_READERS);
    return entity(ctx, "policies/defaultAppManagementPolicy/$entity", { ...p.defaultAppManagement }, req);
  }
  if (name === "appManagementPolicies") {
    requireRead(req.caller, APP_POLICY_SCOPES, APP_POLICY_READERS);
    if (id === undefined)
      return list(
        metadata(ctx, "policies/appManagementPolicies"),
        p.appManagement.map(appPolicyShape),
        req.query,
      );
    const found = p.appManagement.find((m) => m.id === id);
    if (!found) throw graphErrors.notFound(id);
    if (sub === undefined)
      return entity(ctx, "policies/appManagementPolicies/$entity", appPolicyShape(found), req);
    if (sub !== "appliesTo") throw graphErrors.segment(sub);
    if (!holds(req.caller, ["Application.Read.All", "Application.ReadWrite.All", "Directory.Read.All"])) {
      throw graphErrors.denied();
    }
    const objects = found.appliesTo.flatMap((objectId) => {
      const app = ctx.dir.data.applications.find((a) => a.id === objectId);
      if (app)
        return [
          {
            "@odata.type": "#microsoft.graph.application",
            id: app.id,
            appId: app.appId,
            displayName: app.displayName,
            createdDateTime: app.createdDateTime,
          },
        ];
      const sp = ctx.dir.data.servicePrincipals.find((s) => s.id === objectId);
      return sp
        ? [
            {
              "@odata.type": "#microsoft.graph.servicePrincipal",
              id: sp.id,
              appId: sp.appId,
              displayName: sp.displayName,
            },
          ]
        : [];
    });
    return list(metadata(ctx, "directoryObjects"), objects, req.query);
  }
  if (name === "authorizationPolicy" && id === undefined) {
    requireRead(req.caller, ["Policy.Read.All", "Policy.ReadWrite.Authorization"], AUTHORIZATION_READERS);
    return entity(
      ctx,
      "policies/authorizationPolicy/$entity",
      {
        id: AUTHORIZATION_POLICY_ID,
        displayName: "Authorization Policy",
        description: "Used to manage authorization related settings across the company.",
        allowInvitesFrom: "everyone",
        allowedToSignUpEmailBasedSubscriptions: true,
        allowedToUseSSPR: true,
        allowEmailVerifiedUsersToJoinOrganization: false,
        blockMsolPowerShell: false,
        guestUserRoleId: "10dae51f-b6af-4016-8d66-8c2a99b929b3",
        defaultUserRolePermissions: {
          allowedToCreateApps: p.allowedToCreateApps,
          allowedToCreateSecurityGroups: true,
          allowedToCreateTenants: true,
          allowedToReadBitlockerKeysForOwnedDevice: true,
          allowedToReadOtherUsers: true,
          permissionGrantPoliciesAssigned: ["ManagePermissionGrantsForSelf.microsoft-user-default-legacy"],
        },
      },
      req,
    );
  }
  throw graphErrors.segment(name ?? "policies");
}

/** /identity/conditionalAccess/policies[/{id}] */
export function handleIdentity(ctx: SandboxContext, req: GraphRequest, rest: string[]): GraphResponse {
  if (req.method !== "GET") throw graphErrors.method();
  const [root, name, id, ...more] = rest;
  if (root !== "conditionalAccess" || name !== "policies" || more.length > 0) {
    throw graphErrors.segment(more[0] ?? name ?? root ?? "identity");
  }
  requireRead(req.caller, ["Policy.Read.All"], CA_READERS);
  const all = policiesOf(ctx.dir).conditionalAccess;
  if (id === undefined)
    return list(metadata(ctx, "identity/conditionalAccess/policies"), all.map(caShape), req.query);
  const found = all.find((p) => p.id === id);
  if (!found) throw graphErrors.notFound(id);
  return entity(ctx, "identity/conditionalAccess/policies/$entity", caShape(found), req);
}
