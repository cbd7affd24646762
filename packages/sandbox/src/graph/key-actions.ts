/**
 * POST /applications/{id}/addKey and /removeKey: how an app rolls its own certificate with no admin.
 * Microsoft's rules (learn.microsoft.com/graph/api/application-addkey, application-removekey):
 * - the request carries `proof`, a JWT signed by one of the app's *existing valid* certificates
 *   (learn.microsoft.com/graph/application-rollkey-prooftoken: header x5t = that certificate's
 *   thumbprint, claims aud 00000002-0000-0000-c000-000000000000, iss = the application's object id,
 *   nbf and exp at most 10 minutes apart); an app with no valid certificate cannot use the action;
 * - an app needs no permission to roll its own keys (app-only token of that app); anyone else needs
 *   Application.ReadWrite.All (delegated: and the right to manage the app);
 * - addKey takes `keyCredential` (public key only) and `passwordCredential` (null unless the type is
 *   X509CertAndPassword, which the sandbox does not offer).
 * Stricter than documented (the error text is ours, Microsoft documents the checks, not the words):
 * no clock skew at all, RS256 only, x5t only, and a stale proof (past its exp) is refused like a forged one.
 */
import { createHash, type KeyObject, verify, X509Certificate } from "node:crypto";
import type { SandboxContext } from "../context.js";
import { checkNewKeys } from "../policies/effects.js";
import type { Application, KeyCredential } from "../store/types.js";
import { keys } from "./app-fields.js";
import { GraphError, graphErrors } from "./errors.js";
import { holds, requireManage } from "./permissions.js";
import { keyShape } from "./shapes.js";
import type { GraphRequest, GraphResponse } from "./types.js";

/** The audience Microsoft requires in the proof: the Azure AD Graph application id. */
export const PROOF_AUDIENCE = "00000002-0000-0000-c000-000000000000";
const MAX_PROOF_SECONDS = 600;

function refuse(why: string): never {
  throw new GraphError(400, "Request_BadRequest", `Proof of possession (proof) is not valid: ${why}`);
}

function part(text: string | undefined): Record<string, unknown> {
  try {
    const value = JSON.parse(Buffer.from(text ?? "", "base64url").toString("utf8")) as unknown;
    if (typeof value === "object" && value !== null) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  return refuse("it is not a signed JWT.");
}

function isValidNow(key: KeyCredential, now: number): boolean {
  return Date.parse(key.startDateTime) <= now && now < Date.parse(key.endDateTime);
}

/** Checks the proof JWT against the app's current certificates; returns the certificate that signed it. */
export function checkProof(ctx: SandboxContext, app: Application, proof: unknown): KeyCredential {
  const now = ctx.dir.now();
  if (!app.keyCredentials.some((k) => isValidNow(k, now))) {
    throw new GraphError(
      400,
      "Request_BadRequest",
      "The application has no valid certificate, so it cannot prove possession. Add one with Update application (PATCH keyCredentials).",
    );
  }
  if (typeof proof !== "string" || proof.split(".").length !== 3) refuse("it is not a signed JWT.");
  const [h, p, s] = proof.split(".");
  const header = part(h);
  const claims = part(p);
  if (header.alg !== "RS256") refuse(`alg must be RS256, not ${String(header.alg)}.`);
  const x5t = typeof header.x5t === "string" ? header.x5t.replace(/=+$/, "") : "";
  const signer = app.keyCredentials.find(
    (k) => createHash("sha1").update(Buffer.from(k.der, "base64")).digest("base64url") === x5t,
  );
  if (signer === undefined) refuse("it is not signed by a certificate of this application (x5t unknown).");
  if (!isValidNow(signer, now)) refuse("the certificate that signed it has expired or is not valid yet.");
  const publicKey: KeyObject = new X509Certificate(Buffer.from(signer.der, "base64")).publicKey;
  const signed = verify("RSA-SHA256", Buffer.from(`${h}.${p}`), publicKey, Buffer.from(s ?? "", "base64url"));
  if (!signed) refuse("the signature does not match the certificate named by x5t.");
  if (claims.aud !== PROOF_AUDIENCE) refuse(`aud must be ${PROOF_AUDIENCE}.`);
  if (claims.iss !== app.id) refuse("iss must be the application's object id.");
  const nbf = claims.nbf;
  const exp = claims.exp;
  if (typeof nbf !== "number" || typeof exp !== "number") refuse("nbf and exp are required.");
  if (exp - nbf > MAX_PROOF_SECONDS) refuse("it may be valid for at most 10 minutes (exp - nbf <= 600).");
  const seconds = now / 1000;
  if (seconds < nbf) refuse("it is not valid yet (nbf).");
  if (seconds >= exp) refuse("it has expired (exp); sign a fresh one.");
  return signer;
}

/** The app itself needs no permission; anyone else needs Application.ReadWrite.All and to manage it. */
function requireRoller(req: GraphRequest, app: Application): void {
  if (req.caller.kind === "app" && req.caller.appId === app.appId) return;
  if (!holds(req.caller, ["Application.ReadWrite.All", "Directory.ReadWrite.All"]))
    throw graphErrors.denied();
  requireManage(req.caller, app.owners);
}

export function addKey(ctx: SandboxContext, req: GraphRequest, app: Application): GraphResponse {
  requireRoller(req, app);
  const body = (req.body ?? {}) as { keyCredential?: unknown; passwordCredential?: unknown; proof?: unknown };
  checkProof(ctx, app, body.proof);
  if (body.passwordCredential !== null && body.passwordCredential !== undefined) {
    throw graphErrors.badRequest("passwordCredential must be null for a key of type AsymmetricX509Cert.");
  }
  const raw = body.keyCredential as Record<string, unknown> | undefined;
  if (typeof raw !== "object" || raw === null)
    throw graphErrors.badRequest("The request body must contain 'keyCredential'.");
  if (raw.type !== "AsymmetricX509Cert" || raw.usage !== "Verify") {
    throw graphErrors.badRequest("keyCredential must be of type AsymmetricX509Cert with usage Verify.");
  }
  const [added] = keys(ctx.dir, [{ ...raw, keyId: undefined }], []);
  if (added === undefined) throw graphErrors.badRequest("The request body must contain 'keyCredential'.");
  if (app.keyCredentials.some((k) => k.customKeyIdentifier === added.customKeyIdentifier)) {
    throw graphErrors.badRequest(
      "A key credential with the same thumbprint already exists on the application.",
    );
  }
  const before = [...app.keyCredentials];
  app.keyCredentials.push(added);
  try {
    checkNewKeys(ctx.dir, app, before);
  } catch (error) {
    app.keyCredentials = before;
    throw error;
  }
  ctx.dir.save();
  return {
    status: 200,
    body: {
      "@odata.context": `${ctx.origin}/v1.0/$metadata#microsoft.graph.keyCredential`,
      ...keyShape(added),
    },
  };
}

export function removeKey(ctx: SandboxContext, req: GraphRequest, app: Application): GraphResponse {
  requireRoller(req, app);
  const body = (req.body ?? {}) as { keyId?: unknown; proof?: unknown };
  if (typeof body.keyId !== "string") throw graphErrors.badRequest("The request body must contain 'keyId'.");
  checkProof(ctx, app, body.proof);
  const before = app.keyCredentials.length;
  app.keyCredentials = app.keyCredentials.filter((k) => k.keyId !== body.keyId);
  if (app.keyCredentials.length === before) {
    throw graphErrors.badRequest(`No key credential found with keyId '${body.keyId}'.`);
  }
  ctx.dir.save();
  return { status: 204 };
}
