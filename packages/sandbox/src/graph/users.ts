import type { SandboxContext } from "../context.js";
import { metadata } from "./entity.js";
import { graphErrors } from "./errors.js";
import { userShape } from "./me.js";
import { list } from "./odata.js";
import { requirePermission } from "./permissions.js";
import type { GraphRequest, GraphResponse } from "./types.js";

/**
 * GET /users (list only): learn.microsoft.com/graph/api/user-list, permissions table. Application:
 * User.ReadBasic.All, User.Read.All, User.ReadWrite.All, Directory.Read.All, Directory.ReadWrite.All;
 * delegated adds User.ReadBasic.All and up. Without one of them: 403 Authorization_RequestDenied.
 */
const LIST_USERS = [
  "User.ReadBasic.All",
  "User.Read.All",
  "User.ReadWrite.All",
  "Directory.Read.All",
  "Directory.ReadWrite.All",
  "Directory.AccessAsUser.All",
] as const;

export function handleUsers(ctx: SandboxContext, req: GraphRequest, rest: string[]): GraphResponse {
  if (rest.length > 0) throw graphErrors.segment(rest[0] ?? "");
  if (req.method !== "GET") throw graphErrors.method();
  requirePermission(req.caller, LIST_USERS);
  return list(metadata(ctx, "users"), ctx.dir.data.users.map(userShape), req.query);
}
