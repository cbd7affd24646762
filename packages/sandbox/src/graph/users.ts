import type { SandboxContext } from "../context.js";
import { metadata } from "./entity.js";
import { graphErrors } from "./errors.js";
import { userShape } from "./me.js";
import { list } from "./odata.js";
import type { GraphRequest, GraphResponse } from "./types.js";

/** GET /users (list only); who may call it is Microsoft's table for user-list in permission-table.ts. */
export function handleUsers(ctx: SandboxContext, req: GraphRequest, rest: string[]): GraphResponse {
  if (rest.length > 0) throw graphErrors.segment(rest[0] ?? "");
  if (req.method !== "GET") throw graphErrors.method();
  return list(metadata(ctx, "users"), ctx.dir.data.users.map(userShape), req.query);
}
