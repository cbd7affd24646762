import type { SandboxContext } from "../context.js";
import { GRAPH_APP_ID } from "../store/seed-resources.js";
import { graphErrors } from "./errors.js";
import type { Caller } from "./types.js";

const GRAPH_AUDIENCES = new Set([
  "https://graph.microsoft.com",
  "https://graph.microsoft.com/",
  GRAPH_APP_ID,
]);

/** Validates the bearer token the way Graph does: signature, lifetime, audience, tenant. */
export async function authenticate(ctx: SandboxContext, authorization: string | undefined): Promise<Caller> {
  const match = /^Bearer\s+(.+)$/i.exec(authorization ?? "");
  const token = match?.[1]?.trim();
  if (!token) throw graphErrors.invalidToken("Access token is empty.");
  let payload: Awaited<ReturnType<typeof ctx.signer.verify>>;
  try {
    payload = await ctx.signer.verify(token);
  } catch {
    throw graphErrors.invalidToken("Access token validation failure.");
  }
  const nowS = ctx.dir.now() / 1000;
  if (typeof payload.exp !== "number" || payload.exp <= nowS) {
    throw graphErrors.invalidToken("Lifetime validation failed, the token is expired.");
  }
  if (typeof payload.aud !== "string" || !GRAPH_AUDIENCES.has(payload.aud)) {
    throw graphErrors.invalidToken("Access token validation failure. Invalid audience.");
  }
  if (payload.tid !== ctx.dir.tenant.id)
    throw graphErrors.invalidToken("Access token validation failure. Invalid tenant.");
  const appId = String(payload.appid ?? payload.azp ?? "");
  if (payload.idtyp === "user" || typeof payload.scp === "string") {
    const wids = Array.isArray(payload.wids) ? payload.wids.map(String) : [];
    const user = ctx.dir.user(String(payload.oid)) ?? ctx.foreign?.user(String(payload.oid), wids);
    if (!user) throw graphErrors.invalidToken("Access token validation failure. The user does not exist.");
    return {
      kind: "user",
      appId,
      user,
      scopes: String(payload.scp ?? "")
        .split(" ")
        .filter(Boolean),
    };
  }
  const roles = Array.isArray(payload.roles) ? payload.roles.map(String) : [];
  return { kind: "app", appId, spId: String(payload.oid), roles };
}
