/**
 * directory/deletedItems: Entra keeps a deleted application or service principal for 30 days,
 * restorable with everything it held (credentials included), or deleted for good
 * (learn.microsoft.com/graph/api/resources/directory, directory-deleteditems-list, -get,
 * -restore, -delete). Restoring an application does not restore its service principal; that is a
 * restore of its own (directory-deleteditems-restore). After 30 days the item is gone.
 *
 * uniqueName while the application sits in deleted items: Microsoft's pages do not say whether
 * the deleted object still holds it. Assumption, the stricter one: it does (like the restore
 * conflicts Entra documents for identifierUris and proxy addresses), so creating or upserting an
 * application with the same uniqueName answers 400 "Another object with the same value for
 * property uniqueName already exists." until the deleted one is restored or purged. The engine
 * copes by restoring it (engine/restore-deleted.ts); `remove --purge` avoids it altogether.
 * Restoring a service principal brings back its app role assignments and grants (assumption: the
 * restore page says an item is "fully restored").
 */
import type { SandboxContext } from "../context.js";
import type { Application, DeletedItem, ServicePrincipal } from "../store/types.js";
import { graphErrors } from "./errors.js";
import { list } from "./odata.js";
import { applicationShape, servicePrincipalShape } from "./shapes.js";
import type { GraphRequest, GraphResponse } from "./types.js";

const RETENTION_MS = 30 * 86_400_000;
const TYPES = {
  "microsoft.graph.application": "application",
  "microsoft.graph.servicePrincipal": "servicePrincipal",
} as const;

/** The items still within their 30 days (older ones are dropped: deleted for good). */
export function deletedItems(ctx: SandboxContext): DeletedItem[] {
  const d = ctx.dir.data;
  const now = ctx.dir.now();
  d.deletedItems = (d.deletedItems ?? []).filter((item) => now - item.deletedAt < RETENTION_MS);
  return d.deletedItems;
}

function objectId(item: DeletedItem): string {
  return item.application?.id ?? item.servicePrincipal?.id ?? "";
}

function shape(item: DeletedItem): Record<string, unknown> {
  const deletedDateTime = new Date(item.deletedAt).toISOString();
  if (item.application)
    return {
      "@odata.type": "#microsoft.graph.application",
      ...applicationShape(item.application),
      deletedDateTime,
    };
  const sp = item.servicePrincipal as ServicePrincipal;
  return {
    "@odata.type": "#microsoft.graph.servicePrincipal",
    ...servicePrincipalShape(sp),
    deletedDateTime,
  };
}

/** The deleted application that still holds `uniqueName`, if any (see the assumption above). */
export function deletedHolderOf(ctx: SandboxContext, uniqueName: string): Application | undefined {
  const wanted = uniqueName.toLowerCase();
  return deletedItems(ctx).find((i) => i.application?.uniqueName?.toLowerCase() === wanted)?.application;
}

/** Soft-deletes an application and its service principal (with their credentials and grants). */
export function softDeleteApplication(ctx: SandboxContext, app: Application): void {
  const d = ctx.dir.data;
  const now = ctx.dir.now();
  const items = deletedItems(ctx);
  const sp = d.servicePrincipals.find((s) => s.appId === app.appId);
  d.applications = d.applications.filter((a) => a !== app);
  items.push({ kind: "application", deletedAt: now, application: app });
  if (sp) {
    items.push({
      kind: "servicePrincipal",
      deletedAt: now,
      servicePrincipal: sp,
      appRoleAssignments: d.appRoleAssignments.filter((a) => a.principalId === sp.id),
      oauth2PermissionGrants: d.oauth2PermissionGrants.filter((g) => g.clientId === sp.id),
    });
    d.servicePrincipals = d.servicePrincipals.filter((s) => s !== sp);
    d.appRoleAssignments = d.appRoleAssignments.filter((a) => a.principalId !== sp.id);
    d.oauth2PermissionGrants = d.oauth2PermissionGrants.filter((g) => g.clientId !== sp.id);
  }
}

function restore(ctx: SandboxContext, item: DeletedItem): GraphResponse {
  const d = ctx.dir.data;
  if (item.application) {
    const app = item.application;
    if (
      d.applications.some((a) => a.uniqueName && a.uniqueName.toLowerCase() === app.uniqueName?.toLowerCase())
    ) {
      throw graphErrors.badRequest(
        "Another object with the same value for property uniqueName already exists.",
      );
    }
    d.applications.push(app);
  } else if (item.servicePrincipal) {
    const sp = item.servicePrincipal;
    if (!d.applications.some((a) => a.appId === sp.appId)) {
      throw graphErrors.badRequest(
        "The service principal's application is not in the directory; restore the application first.",
      );
    }
    if (d.servicePrincipals.some((s) => s.appId === sp.appId)) {
      throw graphErrors.badRequest("Another object with the same value for property appId already exists.");
    }
    d.servicePrincipals.push(sp);
    d.appRoleAssignments.push(...(item.appRoleAssignments ?? []));
    d.oauth2PermissionGrants.push(...(item.oauth2PermissionGrants ?? []));
  }
  d.deletedItems = deletedItems(ctx).filter((i) => i !== item);
  ctx.dir.save();
  return {
    status: 200,
    body: { "@odata.context": `${ctx.origin}/v1.0/$metadata#directoryObjects/$entity`, ...shape(item) },
  };
}

/** /directory/deletedItems/{type}, /directory/deletedItems/{id}, …/{id}/restore. */
export function handleDirectory(ctx: SandboxContext, req: GraphRequest, rest: string[]): GraphResponse {
  const [set, which, action, ...more] = rest;
  if (set !== "deletedItems") throw graphErrors.segment(set ?? "");
  if (more.length > 0) throw graphErrors.segment(more[0] ?? "");
  if (which === undefined)
    throw graphErrors.badRequest("Specify the type: deletedItems/microsoft.graph.application.");
  const type = (TYPES as Record<string, DeletedItem["kind"]>)[which];
  if (type !== undefined) {
    if (req.method !== "GET" || action !== undefined) throw graphErrors.method();
    const items = deletedItems(ctx)
      .filter((i) => i.kind === type)
      .map((i) => shape(i));
    return list(`${ctx.origin}/v1.0/$metadata#directoryObjects`, items, req);
  }
  const item = deletedItems(ctx).find((i) => objectId(i) === which);
  if (!item) {
    throw graphErrors.notFound(which);
  }
  if (action === "restore" && req.method === "POST") return restore(ctx, item);
  if (action !== undefined) throw graphErrors.segment(action);
  if (req.method === "GET") return { status: 200, body: shape(item) };
  if (req.method === "DELETE") {
    ctx.dir.data.deletedItems = deletedItems(ctx).filter((i) => i !== item);
    ctx.dir.save();
    return { status: 204 };
  }
  throw graphErrors.method();
}
