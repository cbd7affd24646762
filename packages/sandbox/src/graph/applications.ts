import { randomUUID } from "node:crypto";
import type { SandboxContext } from "../context.js";
import { checkNewKeys, requireAppCreation } from "../policies/effects.js";
import type { Application } from "../store/types.js";
import { applyAppFields } from "./app-fields.js";
import { addPassword, removePassword } from "./credentials.js";
import { deletedHolderOf, softDeleteApplication } from "./deleted-items.js";
import { collection, entityCreated, entityRead, patchByKey, visibleOr404 } from "./entity.js";
import { graphErrors } from "./errors.js";
import { addKey, removeKey } from "./key-actions.js";
import type { Key } from "./odata.js";
import { requireManage } from "./permissions.js";
import { applicationShape } from "./shapes.js";
import type { GraphRequest, GraphResponse } from "./types.js";

function find(ctx: SandboxContext, key: Key): Application | undefined {
  const apps = ctx.dir.data.applications;
  if (key.kind === "id") return apps.find((a) => a.id === key.value);
  if (key.kind === "appId") return apps.find((a) => a.appId === key.value);
  return apps.find((a) => a.uniqueName?.toLowerCase() === key.value.toLowerCase());
}

export function findVisibleApp(ctx: SandboxContext, key: Key): Application {
  return visibleOr404(ctx, key, find(ctx, key));
}

function create(
  ctx: SandboxContext,
  req: GraphRequest,
  body: Record<string, unknown>,
  uniqueName?: string,
): Application {
  requireAppCreation(ctx.dir, req.caller);
  if (typeof body.displayName !== "string" || !body.displayName) {
    throw graphErrors.badRequest("Property 'displayName' is required when creating the entity.");
  }
  const now = ctx.dir.now();
  const app: Application = {
    id: ctx.dir.newId(),
    appId: randomUUID(),
    displayName: body.displayName,
    uniqueName: uniqueName ?? null,
    description: null,
    notes: null,
    signInAudience: "AzureADMyOrg",
    identifierUris: [],
    tags: [],
    requiredResourceAccess: [],
    passwordCredentials: [],
    keyCredentials: [],
    web: { redirectUris: [] },
    spa: { redirectUris: [] },
    publicClient: { redirectUris: [] },
    isFallbackPublicClient: null,
    publisherDomain: ctx.dir.tenant.domain,
    createdDateTime: new Date(now).toISOString().replace(/\.\d+Z$/, "Z"),
    owners: req.caller.kind === "user" ? [req.caller.user.id] : [],
    createdAt: now,
  };
  applyAppFields(ctx.dir, app, body, true);
  checkNewKeys(ctx.dir, app, []);
  if (uniqueName) app.uniqueName = uniqueName;
  if (
    app.uniqueName &&
    (ctx.dir.data.applications.some((a) => a.uniqueName?.toLowerCase() === app.uniqueName?.toLowerCase()) ||
      // A soft-deleted app keeps its uniqueName (the stricter assumption, see deleted-items.ts).
      deletedHolderOf(ctx, app.uniqueName) !== undefined)
  ) {
    throw graphErrors.badRequest(
      `Another object with the same value for property uniqueName already exists.`,
    );
  }
  ctx.dir.data.applications.push(app);
  ctx.dir.save();
  return app;
}

function created(ctx: SandboxContext, app: Application): GraphResponse {
  return entityCreated(ctx, "applications", app.id, applicationShape(app));
}

function update(
  ctx: SandboxContext,
  req: GraphRequest,
  app: Application,
  body: Record<string, unknown>,
): void {
  requireManage(req.caller, app.owners);
  const draft = structuredClone(app);
  applyAppFields(ctx.dir, draft, body, false);
  checkNewKeys(ctx.dir, draft, app.keyCredentials);
  Object.assign(app, draft);
  ctx.dir.save();
}

/** /applications, /applications/{id}, /applications(appId='…'|uniqueName='…') and their actions. */
export function handleApplications(
  ctx: SandboxContext,
  req: GraphRequest,
  key: Key | undefined,
  rest: string[],
): GraphResponse {
  const { method } = req;
  if (!key) {
    const all = ctx.dir.data.applications;
    return collection(ctx, req, rest, "applications", { all, shape: applicationShape }, (body) =>
      created(ctx, create(ctx, req, body)),
    );
  }
  const [action, ...more] = rest;
  if (more.length > 0) throw graphErrors.segment(more[0] ?? "");
  if (action === "addPassword" && method === "POST") {
    return addPassword(ctx, req, findVisibleApp(ctx, key));
  }
  if (action === "removePassword" && method === "POST") {
    return removePassword(ctx, req, findVisibleApp(ctx, key));
  }
  if (action === "addKey" && method === "POST") return addKey(ctx, req, findVisibleApp(ctx, key));
  if (action === "removeKey" && method === "POST") return removeKey(ctx, req, findVisibleApp(ctx, key));
  if (action !== undefined) throw graphErrors.segment(action);
  if (method === "GET") {
    return entityRead(ctx, req, "applications", applicationShape(findVisibleApp(ctx, key)));
  }
  if (method === "PATCH") {
    return patchByKey(ctx, req, key, "uniqueName", {
      find: () => find(ctx, key),
      create: (body) => created(ctx, create(ctx, req, body, key.value)),
      update: (app, body) => update(ctx, req, app, body),
    });
  }
  if (method === "DELETE") {
    const app = findVisibleApp(ctx, key);
    requireManage(req.caller, app.owners);
    // Entra soft-deletes: the app and its service principal go to deleted items for 30 days.
    softDeleteApplication(ctx, app);
    ctx.dir.save();
    return { status: 204 };
  }
  throw graphErrors.method();
}
