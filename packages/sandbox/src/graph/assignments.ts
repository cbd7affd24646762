import { randomBytes } from "node:crypto";
import type { SandboxContext } from "../context.js";
import type { AppRoleAssignment, ServicePrincipal } from "../store/types.js";
import { metadata } from "./entity.js";
import { graphErrors } from "./errors.js";
import { list, requireObject } from "./odata.js";
import { requireAssign } from "./permissions.js";
import type { GraphRequest, GraphResponse } from "./types.js";

/** Assignment and grant ids are 43-character base64url strings in Entra, not GUIDs. */
export function opaqueId(): string {
  return randomBytes(32).toString("base64url").slice(0, 43);
}

/** A reference to an object that exists but has not replicated yet is "not a valid reference update". */
function referenced(ctx: SandboxContext, id: unknown, field: string): ServicePrincipal {
  if (typeof id !== "string") throw graphErrors.badRequest(`Property '${field}' is required.`);
  const sp = ctx.dir.spById(id);
  if (!sp) throw graphErrors.notFound(id);
  if (!ctx.dir.visible(sp)) throw graphErrors.badReference();
  return sp;
}

function createAssignment(
  ctx: SandboxContext,
  req: GraphRequest,
  resource: ServicePrincipal,
  principalId: unknown,
  appRoleId: unknown,
): GraphResponse {
  requireAssign(req.caller, resource.appId);
  const principal = referenced(ctx, principalId, "principalId");
  const role = resource.appRoles.find(
    (r) => r.id === appRoleId && r.allowedMemberTypes.includes("Application"),
  );
  if (!role)
    throw graphErrors.badRequest(
      `Permission being assigned was not found on application '${resource.appId}'.`,
    );
  const d = ctx.dir.data;
  if (
    d.appRoleAssignments.some(
      (a) => a.principalId === principal.id && a.resourceId === resource.id && a.appRoleId === role.id,
    )
  ) {
    // 400 Request_BadRequest without details, the message public scripts against real tenants match on
    // (core's graph-error.test.ts lists the samples). Unsourced beyond that: no Microsoft page and no
    // captured response body; no public trace shows another code.
    throw graphErrors.badRequest("Permission being assigned already exists on the object.");
  }
  const assignment: AppRoleAssignment = {
    id: opaqueId(),
    appRoleId: role.id,
    createdDateTime: new Date(ctx.dir.now()).toISOString(),
    deletedDateTime: null,
    principalDisplayName: principal.displayName,
    principalId: principal.id,
    principalType: "ServicePrincipal",
    resourceDisplayName: resource.displayName,
    resourceId: resource.id,
  };
  d.appRoleAssignments.push(assignment);
  ctx.dir.save();
  return {
    status: 201,
    body: { "@odata.context": metadata(ctx, "appRoleAssignments/$entity"), ...assignment },
  };
}

function remove(
  ctx: SandboxContext,
  req: GraphRequest,
  match: (a: AppRoleAssignment) => boolean,
  id: string,
): GraphResponse {
  const found = ctx.dir.data.appRoleAssignments.find((a) => a.id === id && match(a));
  if (!found) throw graphErrors.notFound(id);
  const resource = ctx.dir.spById(found.resourceId);
  requireAssign(req.caller, resource?.appId ?? "");
  ctx.dir.data.appRoleAssignments = ctx.dir.data.appRoleAssignments.filter((a) => a !== found);
  ctx.dir.save();
  return { status: 204 };
}

function read(
  ctx: SandboxContext,
  req: GraphRequest,
  items: AppRoleAssignment[],
  id: string | undefined,
): GraphResponse {
  if (id === undefined)
    return list(metadata(ctx, "appRoleAssignments"), items as unknown as Record<string, unknown>[], req);
  const found = items.find((a) => a.id === id);
  if (!found) throw graphErrors.notFound(id);
  return { status: 200, body: { "@odata.context": metadata(ctx, "appRoleAssignments/$entity"), ...found } };
}

/** /servicePrincipals/{resource}/appRoleAssignedTo[/{id}]: who holds this resource's app roles. */
export function assignedTo(
  ctx: SandboxContext,
  req: GraphRequest,
  resource: ServicePrincipal,
  rest: string[],
): GraphResponse {
  const [id, extra] = rest;
  if (extra !== undefined) throw graphErrors.segment(extra);
  const mine = (a: AppRoleAssignment) => a.resourceId === resource.id;
  if (req.method === "GET") return read(ctx, req, ctx.dir.data.appRoleAssignments.filter(mine), id);
  if (req.method === "POST" && id === undefined) {
    const body = requireObject(req.body);
    if (body.resourceId !== undefined && body.resourceId !== resource.id) {
      throw graphErrors.badRequest(
        "The resourceId in the request body must match the service principal in the URL.",
      );
    }
    return createAssignment(ctx, req, resource, body.principalId, body.appRoleId);
  }
  if (req.method === "DELETE" && id !== undefined) return remove(ctx, req, mine, id);
  throw graphErrors.method();
}

/** /servicePrincipals/{client}/appRoleAssignments[/{id}]: the app roles this principal holds. */
export function assignments(
  ctx: SandboxContext,
  req: GraphRequest,
  principal: ServicePrincipal,
  rest: string[],
): GraphResponse {
  const [id, extra] = rest;
  if (extra !== undefined) throw graphErrors.segment(extra);
  const mine = (a: AppRoleAssignment) => a.principalId === principal.id;
  if (req.method === "GET") return read(ctx, req, ctx.dir.data.appRoleAssignments.filter(mine), id);
  if (req.method === "POST" && id === undefined) {
    const body = requireObject(req.body);
    if (body.principalId !== principal.id) {
      throw graphErrors.badRequest(
        "The principalId in the request body must match the service principal in the URL.",
      );
    }
    const resource = referenced(ctx, body.resourceId, "resourceId");
    return createAssignment(ctx, req, resource, body.principalId, body.appRoleId);
  }
  if (req.method === "DELETE" && id !== undefined) return remove(ctx, req, mine, id);
  throw graphErrors.method();
}
