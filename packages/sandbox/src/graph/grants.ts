import type { SandboxContext } from "../context.js";
import type { OAuth2PermissionGrant, ServicePrincipal } from "../store/types.js";
import { opaqueId } from "./assignments.js";
import { metadata } from "./entity.js";
import { GraphError, graphErrors } from "./errors.js";
import { list, requireObject } from "./odata.js";
import { requireGrantWrite } from "./permissions.js";
import type { GraphRequest, GraphResponse } from "./types.js";

function sp(ctx: SandboxContext, id: unknown, field: string): ServicePrincipal {
  if (typeof id !== "string") throw graphErrors.badRequest(`Property '${field}' is required.`);
  const found = ctx.dir.spById(id);
  if (!found) throw graphErrors.notFound(id);
  if (!ctx.dir.visible(found)) throw graphErrors.badReference();
  return found;
}

function create(ctx: SandboxContext, req: GraphRequest): GraphResponse {
  requireGrantWrite(req.caller);
  const body = requireObject(req.body);
  const consentType = body.consentType;
  if (consentType !== "AllPrincipals" && consentType !== "Principal") {
    throw graphErrors.badRequest(
      "Invalid value specified for property 'consentType' of resource 'OAuth2PermissionGrant'.",
    );
  }
  const principalId = typeof body.principalId === "string" ? body.principalId : null;
  if (consentType === "Principal" && (!principalId || !ctx.dir.user(principalId))) {
    throw graphErrors.badRequest("A valid principalId is required when consentType is 'Principal'.");
  }
  if (consentType === "AllPrincipals" && principalId) {
    throw graphErrors.badRequest("principalId must be null when consentType is 'AllPrincipals'.");
  }
  const client = sp(ctx, body.clientId, "clientId");
  const resource = sp(ctx, body.resourceId, "resourceId");
  const d = ctx.dir.data;
  const duplicate = d.oauth2PermissionGrants.some(
    (g) =>
      g.clientId === client.id &&
      g.resourceId === resource.id &&
      g.consentType === consentType &&
      g.principalId === principalId,
  );
  // Real traffic: hashicorp/terraform-provider-azuread issue 690 (409 Request_MultipleObjectsWithSameKeyValue).
  if (duplicate)
    throw new GraphError(409, "Request_MultipleObjectsWithSameKeyValue", "Permission entry already exists.");
  const grant: OAuth2PermissionGrant = {
    id: opaqueId(),
    clientId: client.id,
    consentType,
    principalId,
    resourceId: resource.id,
    scope: typeof body.scope === "string" ? body.scope : "",
  };
  d.oauth2PermissionGrants.push(grant);
  ctx.dir.save();
  return {
    status: 201,
    headers: { Location: `${ctx.origin}/v1.0/oauth2PermissionGrants/${grant.id}` },
    body: { "@odata.context": metadata(ctx, "oauth2PermissionGrants/$entity"), ...grant },
  };
}

export function grantsOfClient(
  ctx: SandboxContext,
  req: GraphRequest,
  client: ServicePrincipal,
): GraphResponse {
  const items = ctx.dir.data.oauth2PermissionGrants.filter((g) => g.clientId === client.id);
  return list(metadata(ctx, "oauth2PermissionGrants"), items as unknown as Record<string, unknown>[], req);
}

/** /oauth2PermissionGrants[/{id}]: one grant per client, resource and consent type; PATCH replaces `scope`. */
export function handleGrants(
  ctx: SandboxContext,
  req: GraphRequest,
  id: string | undefined,
  rest: string[],
): GraphResponse {
  if (rest.length > 0) throw graphErrors.segment(rest[0] ?? "");
  const d = ctx.dir.data;
  if (id === undefined) {
    if (req.method === "GET") {
      return list(
        metadata(ctx, "oauth2PermissionGrants"),
        d.oauth2PermissionGrants as unknown as Record<string, unknown>[],
        req,
      );
    }
    if (req.method === "POST") return create(ctx, req);
    throw graphErrors.method();
  }
  const grant = d.oauth2PermissionGrants.find((g) => g.id === id);
  if (req.method === "GET") {
    if (!grant) throw graphErrors.notFound(id);
    return {
      status: 200,
      body: { "@odata.context": metadata(ctx, "oauth2PermissionGrants/$entity"), ...grant },
    };
  }
  if (req.method === "PATCH") {
    requireGrantWrite(req.caller);
    if (!grant) throw graphErrors.notFound(id);
    const body = requireObject(req.body);
    for (const field of Object.keys(body)) {
      if (field !== "scope" && !field.startsWith("@odata")) {
        throw graphErrors.badRequest(`Property '${field}' is read-only and cannot be set.`);
      }
    }
    if (typeof body.scope !== "string") throw graphErrors.badRequest("Property 'scope' must be a string.");
    grant.scope = body.scope;
    ctx.dir.save();
    return { status: 204 };
  }
  if (req.method === "DELETE") {
    requireGrantWrite(req.caller);
    if (!grant) throw graphErrors.notFound(id);
    d.oauth2PermissionGrants = d.oauth2PermissionGrants.filter((g) => g !== grant);
    ctx.dir.save();
    return { status: 204 };
  }
  throw graphErrors.method();
}
