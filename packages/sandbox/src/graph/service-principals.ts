import type { SandboxContext } from "../context.js";
import { resourcePrincipal } from "../store/seed.js";
import { RESOURCE_SEEDS, type ResourceSeed } from "../store/seed-resources.js";
import type { ServicePrincipal } from "../store/types.js";
import { assignedTo, assignments } from "./assignments.js";
import { deletedItems } from "./deleted-items.js";
import { collection, entityCreated, entityRead, patchByKey, visibleOr404 } from "./entity.js";
import { GraphError, graphErrors } from "./errors.js";
import { grantsOfClient } from "./grants.js";
import type { Key } from "./odata.js";
import { requireManage } from "./permissions.js";
import { servicePrincipalShape } from "./shapes.js";
import type { GraphRequest, GraphResponse } from "./types.js";

const SETTABLE = new Set([
  "appId",
  "accountEnabled",
  "tags",
  "notes",
  "appRoleAssignmentRequired",
  "description",
]);

function find(ctx: SandboxContext, key: Key): ServicePrincipal | undefined {
  if (key.kind === "uniqueName") return undefined;
  const sps = ctx.dir.data.servicePrincipals;
  return key.kind === "id" ? sps.find((s) => s.id === key.value) : sps.find((s) => s.appId === key.value);
}

export function findVisibleSp(ctx: SandboxContext, key: Key): ServicePrincipal {
  return visibleOr404(ctx, key, find(ctx, key));
}

function apply(sp: ServicePrincipal, body: Record<string, unknown>): void {
  for (const [field, value] of Object.entries(body)) {
    if (field.startsWith("@odata")) continue;
    if (field === "passwordCredentials")
      throw graphErrors.badRequest(
        "Adding passwordCredential when creating servicePrincipals is not supported.",
      );
    if (!SETTABLE.has(field)) {
      throw graphErrors.badRequest(
        `Property '${field}' does not exist on type 'microsoft.graph.servicePrincipal' or is read-only.`,
      );
    }
    if (field === "accountEnabled") sp.accountEnabled = Boolean(value);
    if (field === "tags") sp.tags = Array.isArray(value) ? value.map(String) : [];
  }
}

/**
 * A Microsoft first-party app (its application object lives in Microsoft's tenant) gets its service
 * principal here on demand: "POST /servicePrincipals {appId}" is how tools instantiate e.g. OneNote or
 * Azure AD Graph in a tenant that lacks them (learn.microsoft.com/graph/api/serviceprincipal-post-
 * serviceprincipals; CLI for Microsoft 365 `entra app add` does it for missing resource apps). The new
 * principal carries the app's real roles and scopes; an application administrator (or Global) may do it.
 */
function createFirstParty(ctx: SandboxContext, req: GraphRequest, seed: ResourceSeed): GraphResponse {
  requireManage(req.caller, []);
  return added(ctx, { ...resourcePrincipal(seed, ctx.dir.tenant), createdAt: ctx.dir.now() });
}

/** A new service principal kept in the tenant and answered 201 Created with its entity. */
function added(ctx: SandboxContext, sp: ServicePrincipal): GraphResponse {
  ctx.dir.data.servicePrincipals.push(sp);
  ctx.dir.save();
  return entityCreated(ctx, "servicePrincipals", sp.id, servicePrincipalShape(sp));
}

function create(
  ctx: SandboxContext,
  req: GraphRequest,
  appId: string,
  body: Record<string, unknown>,
): GraphResponse {
  if (ctx.dir.spByAppId(appId)) {
    throw new GraphError(
      409,
      "Request_MultipleObjectsWithSameKeyValue",
      "Another object with the same value for property servicePrincipalNames already exists.",
    );
  }
  const app = ctx.dir.appByAppId(appId);
  const firstParty = app ? undefined : RESOURCE_SEEDS.find((r) => r.appId === appId);
  if (firstParty) return createFirstParty(ctx, req, firstParty);
  if (!app || !ctx.dir.visible(app)) throw graphErrors.noBackingApp(appId);
  requireManage(req.caller, app.owners);
  const sp: ServicePrincipal = {
    id: ctx.dir.newId(),
    appId,
    displayName: app.displayName,
    appDisplayName: app.displayName,
    servicePrincipalType: "Application",
    servicePrincipalNames: [appId, ...app.identifierUris],
    accountEnabled: true,
    appOwnerOrganizationId: ctx.dir.tenant.id,
    appRoles: [],
    oauth2PermissionScopes: [],
    tags: [],
    owners: req.caller.kind === "user" ? [req.caller.user.id] : [],
    createdAt: ctx.dir.now(),
  };
  apply(sp, body);
  return added(ctx, sp);
}

/** /servicePrincipals, /servicePrincipals/{id} or (appId='…'), and the assignment and grant sub-resources. */
export function handleServicePrincipals(
  ctx: SandboxContext,
  req: GraphRequest,
  key: Key | undefined,
  rest: string[],
): GraphResponse {
  const { method } = req;
  if (!key) {
    const all = ctx.dir.data.servicePrincipals;
    return collection(ctx, req, rest, "servicePrincipals", { all, shape: servicePrincipalShape }, (body) => {
      if (typeof body.appId !== "string")
        throw graphErrors.badRequest("Property 'appId' is required when creating the entity.");
      return create(ctx, req, body.appId, body);
    });
  }
  const [sub, ...more] = rest;
  if (sub === "appRoleAssignedTo") return assignedTo(ctx, req, findVisibleSp(ctx, key), more);
  if (sub === "appRoleAssignments") return assignments(ctx, req, findVisibleSp(ctx, key), more);
  if (sub === "oauth2PermissionGrants" && more.length === 0 && method === "GET") {
    return grantsOfClient(ctx, req, findVisibleSp(ctx, key));
  }
  if (sub !== undefined) throw graphErrors.segment(sub);
  if (method === "GET") {
    return entityRead(ctx, req, "servicePrincipals", servicePrincipalShape(findVisibleSp(ctx, key)));
  }
  if (method === "PATCH") {
    return patchByKey(ctx, req, key, "appId", {
      find: () => find(ctx, key),
      create: (body) => create(ctx, req, key.value, body),
      update: (sp, body) => {
        requireManage(req.caller, sp.owners);
        apply(sp, body);
        ctx.dir.save();
      },
    });
  }
  if (method === "DELETE") {
    const sp = findVisibleSp(ctx, key);
    if (sp.appOwnerOrganizationId !== ctx.dir.tenant.id) throw graphErrors.denied();
    requireManage(req.caller, sp.owners);
    const d = ctx.dir.data;
    // Soft-deleted, restorable for 30 days with what it held (deleted-items.ts).
    deletedItems(ctx).push({
      kind: "servicePrincipal",
      deletedAt: ctx.dir.now(),
      servicePrincipal: sp,
      appRoleAssignments: d.appRoleAssignments.filter((a) => a.principalId === sp.id),
      oauth2PermissionGrants: d.oauth2PermissionGrants.filter((g) => g.clientId === sp.id),
    });
    d.servicePrincipals = d.servicePrincipals.filter((s) => s !== sp);
    d.appRoleAssignments = d.appRoleAssignments.filter(
      (a) => a.principalId !== sp.id && a.resourceId !== sp.id,
    );
    d.oauth2PermissionGrants = d.oauth2PermissionGrants.filter(
      (g) => g.clientId !== sp.id && g.resourceId !== sp.id,
    );
    ctx.dir.save();
    return { status: 204 };
  }
  throw graphErrors.method();
}
