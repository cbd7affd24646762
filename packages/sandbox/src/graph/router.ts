import type { SandboxContext } from "../context.js";
import { handleIdentity, handlePolicies } from "../policies/routes.js";
import { splitTenantPrefix } from "./addressing.js";
import { handleApplications } from "./applications.js";
import { permissionRow, requireRow } from "./authorize.js";
import { handleDirectory } from "./deleted-items.js";
import { GraphError, graphErrors } from "./errors.js";
import { handleGrants } from "./grants.js";
import { handleMe, handleOrganization } from "./me.js";
import { type Key, splitKey } from "./odata.js";
import { handleServicePrincipals } from "./service-principals.js";
import type { GraphRequest, GraphResponse } from "./types.js";
import { handleUsers } from "./users.js";

export type GraphHandler = (
  ctx: SandboxContext,
  req: GraphRequest,
  key: Key | undefined,
  rest: string[],
) => GraphResponse;

/**
 * The entity sets Graph serves here, by first path segment. A new endpoint adds its handler here and a
 * row per call in permission-table.ts (its Microsoft permissions, with the page they come from).
 */
export const GRAPH_HANDLERS: Record<string, GraphHandler> = {
  applications: handleApplications,
  servicePrincipals: handleServicePrincipals,
  oauth2PermissionGrants: (ctx, req, key, rest) =>
    handleGrants(ctx, req, key?.value ?? rest[0], key ? rest : rest.slice(1)),
  me: (ctx, req, _key, rest) => handleMe(ctx, req, rest),
  organization: (ctx, req, _key, rest) => handleOrganization(ctx, req, rest),
  users: (ctx, req, _key, rest) => handleUsers(ctx, req, rest),
  policies: (ctx, req, _key, rest) => handlePolicies(ctx, req, rest),
  identity: (ctx, req, _key, rest) => handleIdentity(ctx, req, rest),
  directory: (ctx, req, _key, rest) => handleDirectory(ctx, req, rest),
};

/** Sets whose second segment is an object id (`/applications/{id}`), as opposed to `(key='…')`. */
const ID_SEGMENT_SETS = new Set(["applications", "servicePrincipals"]);

/**
 * Routes one Graph request (top-level or from a batch): the tenant segment off, the permission table's
 * check, then the handler. Errors stay GraphErrors.
 */
export function route(ctx: SandboxContext, addressed: GraphRequest): GraphResponse {
  const { path } = splitTenantPrefix(ctx.dir.tenant, addressed.path);
  const req: GraphRequest = {
    ...addressed,
    path,
    selfUrl: `${addressed.origin ?? ctx.origin}/v1.0${addressed.path}`,
  };
  const segments = path.split("/").filter(Boolean).map(decodeURIComponent);
  const [first, ...rest] = segments;
  if (!first) throw graphErrors.segment("");
  const { name, key: inlineKey } = splitKey(first);
  const handler = Object.hasOwn(GRAPH_HANDLERS, name) ? GRAPH_HANDLERS[name] : undefined;
  if (!handler) throw graphErrors.segment(name);
  let key: Key | undefined = inlineKey;
  let tail = rest;
  if (!key && ID_SEGMENT_SETS.has(name) && rest[0]) {
    key = { kind: "id", value: rest[0] };
    tail = rest.slice(1);
  }
  const row = permissionRow(req.method, path);
  if (row) requireRow(req.caller, row);
  const res = handler(ctx, req, key, tail);
  if (!row && res.status < 400) {
    throw new GraphError(
      500,
      "InternalServerError",
      `Sandbox defect: ${req.method} ${path} has no row in src/graph/permission-table.ts.`,
    );
  }
  return res;
}

export function safeRoute(ctx: SandboxContext, req: GraphRequest): GraphResponse {
  try {
    return route(ctx, req);
  } catch (e) {
    if (e instanceof GraphError) return { status: e.status, headers: e.headers, body: e };
    throw e;
  }
}
