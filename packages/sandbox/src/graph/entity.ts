/**
 * What applications and service principals answer alike: the collection (list and create), the
 * entity read, the 201 on create, and PATCH on a key with Graph's `Prefer: create-if-missing` upsert.
 */
import type { SandboxContext } from "../context.js";
import { graphErrors } from "./errors.js";
import { type Key, keyText, list, requireObject, select } from "./odata.js";
import type { GraphRequest, GraphResponse } from "./types.js";

export function metadata(ctx: SandboxContext, fragment: string): string {
  return `${ctx.origin}/v1.0/$metadata#${fragment}`;
}

/** GET /{set} (the members replication has made visible) and POST /{set}. */
export function collection<T extends { createdAt: number }>(
  ctx: SandboxContext,
  req: GraphRequest,
  rest: readonly string[],
  set: string,
  members: { readonly all: readonly T[]; readonly shape: (member: T) => Record<string, unknown> },
  post: (body: Record<string, unknown>) => GraphResponse,
): GraphResponse {
  if (rest.length > 0) throw graphErrors.segment(rest[0] ?? "");
  if (req.method === "GET") {
    const items = members.all.filter((m) => ctx.dir.visible(m)).map(members.shape);
    return list(metadata(ctx, set), items, req);
  }
  if (req.method === "POST") return post(requireObject(req.body));
  throw graphErrors.method();
}

/** GET of one entity of `set`, with $select applied. */
export function entityRead(
  ctx: SandboxContext,
  req: GraphRequest,
  set: string,
  shape: Record<string, unknown>,
): GraphResponse {
  return {
    status: 200,
    body: { "@odata.context": metadata(ctx, `${set}/$entity`), ...select(shape, req.query) },
  };
}

/** 201 Created with the new entity's Location. */
export function entityCreated(
  ctx: SandboxContext,
  set: string,
  id: string,
  shape: Record<string, unknown>,
): GraphResponse {
  return {
    status: 201,
    headers: { Location: `${ctx.origin}/v1.0/${set}/${id}` },
    body: { "@odata.context": metadata(ctx, `${set}/$entity`), ...shape },
  };
}

/** Reads and references go through replication: a just-written object is not there yet. */
export function visibleOr404<T extends { createdAt: number }>(
  ctx: SandboxContext,
  key: Key,
  found: T | undefined,
): T {
  if (!found || !ctx.dir.visible(found)) throw graphErrors.notFound(keyText(key));
  return found;
}

export interface PatchOps<T> {
  /** The object under `key`, visible or not. */
  find(): T | undefined;
  create(body: Record<string, unknown>): GraphResponse;
  update(existing: T, body: Record<string, unknown>): void;
}

/**
 * PATCH /{set}/{key}. With `Prefer: create-if-missing` on the set's upsert key, a missing object is
 * created (201) and an existing one updated (204); otherwise the object must be visible.
 */
export function patchByKey<T extends { createdAt: number }>(
  ctx: SandboxContext,
  req: GraphRequest,
  key: Key,
  upsertKind: Key["kind"],
  ops: PatchOps<T>,
): GraphResponse {
  const body = requireObject(req.body);
  const upsert = (req.headers.prefer ?? "").toLowerCase().includes("create-if-missing");
  if (upsert && key.kind === upsertKind) {
    // An upsert's write reaches the primary replica, so replication lag never hides the object here.
    const existing = ops.find();
    if (!existing) return ops.create(body);
    ops.update(existing, body);
  } else {
    ops.update(visibleOr404(ctx, key, ops.find()), body);
  }
  return { status: 204 };
}
