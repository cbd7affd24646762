import { randomBytes } from "node:crypto";
import type { SandboxContext } from "../context.js";
import { hashSecret } from "../entra/client-auth.js";
import { checkPassword } from "../policies/effects.js";
import type { Application } from "../store/types.js";
import { graphErrors } from "./errors.js";
import { requireManage } from "./permissions.js";
import type { GraphRequest, GraphResponse } from "./types.js";

const SECRET_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_~.-";

/** Milliseconds in an ISO-8601 duration such as P90D, P1Y6M, PT12H. */
export function durationMs(iso: string): number {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(
    iso,
  );
  if (!m) throw new Error(`not an ISO-8601 duration: ${iso}`);
  const [y, mo, w, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as number[];
  return (
    ((((y ?? 0) * 365 + (mo ?? 0) * 30 + (w ?? 0) * 7 + (d ?? 0)) * 24 + (h ?? 0)) * 60 + (mi ?? 0)) *
      60_000 +
    (s ?? 0) * 1000
  );
}

/** Same form as Entra's secrets: three characters, `8Q~`, then 34 more (40 in all). */
function newSecret(): string {
  const pick = (n: number) =>
    Array.from(randomBytes(n), (b) => SECRET_CHARS[b % SECRET_CHARS.length]).join("");
  return `${pick(3)}8Q~${pick(34)}`;
}

/** Graph's default secret lifetime: startDateTime plus two calendar years. */
function twoYearsAfter(ms: number): number {
  const d = new Date(ms);
  d.setUTCFullYear(d.getUTCFullYear() + 2);
  return d.getTime();
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** POST …/addPassword: the only moment the secret text exists outside its hash. */
export function addPassword(ctx: SandboxContext, req: GraphRequest, app: Application): GraphResponse {
  requireManage(req.caller, app.owners);
  const body = (req.body ?? {}) as { passwordCredential?: Record<string, unknown> };
  const input = body.passwordCredential ?? {};
  const start = typeof input.startDateTime === "string" ? Date.parse(input.startDateTime) : ctx.dir.now();
  const end = typeof input.endDateTime === "string" ? Date.parse(input.endDateTime) : twoYearsAfter(start);
  if (Number.isNaN(start) || Number.isNaN(end) || end <= start) {
    throw graphErrors.badRequest(
      "Invalid value specified for property 'endDateTime' of resource 'PasswordCredential'.",
    );
  }
  // Tenant default or the app's own app management policy (policies/effects.ts).
  checkPassword(ctx.dir, app, start, end);
  const secretText = newSecret();
  const salt = randomBytes(16).toString("hex");
  const cred = {
    keyId: ctx.dir.newId(),
    displayName: typeof input.displayName === "string" ? input.displayName : null,
    hint: secretText.slice(0, 3),
    startDateTime: iso(start),
    endDateTime: iso(end),
    customKeyIdentifier: null,
    secretText: null,
    hash: hashSecret(secretText, salt),
    salt,
    addedAt: ctx.dir.now(),
  };
  app.passwordCredentials.push(cred);
  ctx.dir.save();
  return {
    status: 200,
    body: {
      "@odata.context": `${ctx.origin}/v1.0/$metadata#microsoft.graph.passwordCredential`,
      customKeyIdentifier: null,
      displayName: cred.displayName,
      endDateTime: cred.endDateTime,
      hint: cred.hint,
      keyId: cred.keyId,
      secretText,
      startDateTime: cred.startDateTime,
    },
  };
}

export function removePassword(ctx: SandboxContext, req: GraphRequest, app: Application): GraphResponse {
  requireManage(req.caller, app.owners);
  const keyId = (req.body as { keyId?: unknown } | undefined)?.keyId;
  if (typeof keyId !== "string") throw graphErrors.badRequest("The request body must contain 'keyId'.");
  const before = app.passwordCredentials.length;
  app.passwordCredentials = app.passwordCredentials.filter((p) => p.keyId !== keyId);
  if (app.passwordCredentials.length === before) {
    throw graphErrors.badRequest(`No password credential found with keyId '${keyId}'.`);
  }
  ctx.dir.save();
  return { status: 204 };
}
