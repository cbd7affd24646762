/**
 * Bearer tokens for the workloads outside Graph (Exchange admin REST, EWS, SharePoint REST): the
 * signature, lifetime and tenant are checked as Graph checks them; each service then checks the
 * audience and claims it cares about. Sources: learn.microsoft.com/entra/identity-platform/
 * access-token-claims-reference (aud, tid, appid, appidacr 0/1/2, idtyp, roles, scp, wids).
 */
import type { SandboxContext } from "../context.js";

export interface WorkloadCaller {
  readonly aud: string;
  readonly appId: string;
  /** "0" public client (user), "1" client secret, "2" certificate (access-token-claims-reference). */
  readonly appidacr: string;
  readonly kind: "app" | "user";
  readonly roles: readonly string[];
  readonly scopes: readonly string[];
  readonly wids: readonly string[];
  readonly oid: string;
  readonly upn: string | undefined;
}

export type BearerOutcome = { ok: true; caller: WorkloadCaller } | { ok: false; reason: string };

export async function readBearer(
  ctx: SandboxContext,
  authorization: string | undefined,
): Promise<BearerOutcome> {
  const token = /^Bearer\s+(.+)$/i.exec(authorization ?? "")?.[1]?.trim();
  if (!token) return { ok: false, reason: "The Authorization header is missing or is not a Bearer token." };
  let payload: Awaited<ReturnType<typeof ctx.signer.verify>>;
  try {
    payload = await ctx.signer.verify(token);
  } catch {
    return { ok: false, reason: "The token signature is invalid." };
  }
  if (typeof payload.exp !== "number" || payload.exp <= ctx.dir.now() / 1000) {
    return { ok: false, reason: "The token is expired." };
  }
  if (payload.tid !== ctx.dir.tenant.id)
    return { ok: false, reason: "The token was issued for another tenant." };
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
  const user = payload.idtyp === "user" || typeof payload.scp === "string";
  return {
    ok: true,
    caller: {
      aud: String(payload.aud ?? "").replace(/\/$/, ""),
      appId: String(payload.appid ?? payload.azp ?? ""),
      appidacr: String(payload.appidacr ?? payload.azpacr ?? ""),
      kind: user ? "user" : "app",
      roles: list(payload.roles),
      scopes: String(payload.scp ?? "")
        .split(" ")
        .filter(Boolean),
      wids: list(payload.wids),
      oid: String(payload.oid ?? ""),
      upn: typeof payload.upn === "string" ? payload.upn : undefined,
    },
  };
}
