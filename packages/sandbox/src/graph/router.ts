import type { SandboxContext } from "../context.js";
import { handleIdentity, handlePolicies } from "../policies/routes.js";
import { splitTenantPrefix } from "./addressing.js";
import { handleApplications } from "./applications.js";
import { GraphError, graphErrors } from "./errors.js";
import { handleGrants } from "./grants.js";
import { handleMe, handleOrganization } from "./me.js";
import { type Key, splitKey } from "./odata.js";
import { handleServicePrincipals } from "./service-principals.js";
import type { GraphRequest, GraphResponse } from "./types.js";
import { handleUsers } from "./users.js";

/** Routes one Graph request (top-level or from a batch) to its handler; errors stay GraphErrors. */
export function route(ctx: SandboxContext, addressed: GraphRequest): GraphResponse {
  const { path } = splitTenantPrefix(ctx.dir.tenant, addressed.path);
  const req: GraphRequest = { ...addressed, path, selfUrl: `${ctx.origin}/v1.0${addressed.path}` };
  const segments = path.split("/").filter(Boolean).map(decodeURIComponent);
  const [first, ...rest] = segments;
  if (!first) throw graphErrors.segment("");
  const { name, key: inlineKey } = splitKey(first);
  let key: Key | undefined = inlineKey;
  let tail = rest;
  if (!key && (name === "applications" || name === "servicePrincipals") && rest[0]) {
    key = { kind: "id", value: rest[0] };
    tail = rest.slice(1);
  }
  switch (name) {
    case "applications":
      return handleApplications(ctx, req, key, tail);
    case "servicePrincipals":
      return handleServicePrincipals(ctx, req, key, tail);
    case "oauth2PermissionGrants":
      return handleGrants(ctx, req, key?.value ?? rest[0], key ? rest : rest.slice(1));
    case "me":
      return handleMe(ctx, req, rest);
    case "organization":
      return handleOrganization(ctx, req, rest);
    case "users":
      return handleUsers(ctx, req, rest);
    case "policies":
      return handlePolicies(ctx, req, rest);
    case "identity":
      return handleIdentity(ctx, req, rest);
    default:
      throw graphErrors.segment(name);
  }
}

export function safeRoute(ctx: SandboxContext, req: GraphRequest): GraphResponse {
  try {
    return route(ctx, req);
  } catch (e) {
    if (e instanceof GraphError) return { status: e.status, headers: e.headers, body: e };
    throw e;
  }
}
