import { createHash, createPublicKey, timingSafeEqual, X509Certificate } from "node:crypto";
import { decodeProtectedHeader, jwtVerify } from "jose";
import type { SandboxContext } from "../context.js";
import type { Application, ServicePrincipal } from "../store/types.js";
import { OAuthError, oauth } from "./oauth-error.js";

export const ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

export function hashSecret(secret: string, salt: string): string {
  return createHash("sha256").update(`${salt}:${secret}`).digest("hex");
}

/**
 * A secret that has not reached the token service yet (credentialLag) is not there at all: Entra answers
 * AADSTS7000215 "Invalid client secret provided." for a freshly added secret until it propagates (graph-facts
 * 5.x; docs/entra-token-errors.md; core waits 7000215 out after a rotation for this reason).
 */
function secretMatches(
  app: Application,
  secret: string,
  now: number,
  propagating: (addedAt: number | undefined) => boolean,
): "ok" | "expired" | "invalid" {
  let expired = false;
  for (const cred of app.passwordCredentials.filter((c) => !propagating(c.addedAt))) {
    const a = Buffer.from(hashSecret(secret, cred.salt), "hex");
    const b = Buffer.from(cred.hash, "hex");
    if (a.length !== b.length || !timingSafeEqual(a, b)) continue;
    if (Date.parse(cred.endDateTime) <= now) {
      expired = true;
      continue;
    }
    if (Date.parse(cred.startDateTime) > now) continue;
    return "ok";
  }
  return expired ? "expired" : "invalid";
}

async function checkAssertion(
  ctx: SandboxContext,
  app: Application,
  assertion: string,
  tenant: string,
): Promise<void> {
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(assertion);
  } catch {
    throw oauth.assertion(50027, "JWT token is invalid or malformed.");
  }
  const x5t = typeof header.x5t === "string" ? header.x5t : undefined;
  const x5tS256 = typeof header["x5t#S256"] === "string" ? (header["x5t#S256"] as string) : undefined;
  // A certificate still propagating (credentialLag) is "not registered" yet, as AADSTS700027 says.
  const cred = app.keyCredentials.find((k) => {
    if (ctx.dir.propagating(k.addedAt)) return false;
    const der = Buffer.from(k.der, "base64");
    return (
      (x5t && createHash("sha1").update(der).digest("base64url") === x5t.replace(/=+$/, "")) ||
      (x5tS256 && createHash("sha256").update(der).digest("base64url") === x5tS256.replace(/=+$/, ""))
    );
  });
  if (!cred) {
    throw oauth.assertion(
      700027,
      `The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '${x5t ?? x5tS256 ?? ""}']`,
    );
  }
  if (Date.parse(cred.endDateTime) <= ctx.dir.now()) {
    throw oauth.assertion(
      700027,
      "Client assertion failed signature validation. [Reason - The key used is expired.]",
    );
  }
  const key = createPublicKey(
    new X509Certificate(Buffer.from(cred.der, "base64")).publicKey.export({ format: "pem", type: "spki" }),
  );
  let payload: Awaited<ReturnType<typeof jwtVerify>>["payload"];
  try {
    ({ payload } = await jwtVerify(assertion, key, {
      algorithms: ["RS256", "PS256"],
      clockTolerance: 300,
      currentDate: new Date(ctx.dir.now()),
    }));
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "ERR_JWT_EXPIRED")
      throw oauth.assertion(700024, "Client assertion is not within its valid time range.");
    throw oauth.assertion(700027, "Client assertion failed signature validation.");
  }
  // Microsoft identity platform "Certificate credentials" (learn.microsoft.com/entra/identity-platform/
  // certificate-credentials): exp should be "short - 5-10 minutes after nbf at most", and "Microsoft Entra ID
  // doesn't place restrictions on the exp time currently". Stricter than Entra on purpose: an assertion living
  // longer than 10 minutes is refused with the time-range error, so our signers (the CLI's msal-node, the
  // API's Worker port, the web page) are held to the documented limit. A reused jti is accepted, as Entra
  // does: the page documents no replay check, and msal-node itself sends one cached assertion for every
  // token request within its 10 minutes (ClientAssertion.getJwt), which works against Entra.
  const start = payload.nbf ?? payload.iat;
  if (typeof payload.exp === "number" && typeof start === "number" && payload.exp - start > 600) {
    throw oauth.assertion(700024, "Client assertion is not within its valid time range.");
  }
  if (payload.iss !== app.appId || payload.sub !== app.appId) {
    throw oauth.assertion(700023, "Client assertion 'iss' and 'sub' claims must both be the client id.");
  }
  const audiences = [ctx.dir.tenant.id, ctx.dir.tenant.domain, tenant].flatMap((t) => [
    `${ctx.origin}/${t}/oauth2/v2.0/token`,
    `${ctx.origin}/${t}/oauth2/token`,
    `${ctx.origin}/${t}/v2.0`,
  ]);
  const aud = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!aud.some((a) => typeof a === "string" && audiences.includes(a))) {
    throw oauth.assertion(
      700212,
      `The client assertion audience '${String(payload.aud)}' does not match the token endpoint.`,
    );
  }
}

/** Authenticates a confidential client by secret or certificate assertion (client credentials grant). */
export async function authenticateClient(
  ctx: SandboxContext,
  form: Record<string, string>,
  tenant: string,
): Promise<{ app: Application; sp: ServicePrincipal; acr: "1" | "2" }> {
  const clientId = form.client_id;
  if (!clientId) throw oauth.missing("client_id");
  const app = ctx.dir.appByAppId(clientId);
  // A new app is unknown to the token service until it replicates there: AADSTS700016 (credentialLag).
  if (!app || ctx.dir.propagating(app.createdAt)) throw oauth.unknownApp(clientId, ctx.dir.tenant.id);
  const sp = ctx.dir.spByAppId(clientId);
  let acr: "1" | "2";
  if (form.client_secret !== undefined) {
    const result = secretMatches(app, form.client_secret, ctx.dir.now(), (at) => ctx.dir.propagating(at));
    if (result === "expired") throw oauth.expiredSecret(app.appId);
    if (result === "invalid") throw oauth.invalidSecret(app.appId);
    acr = "1";
  } else if (form.client_assertion !== undefined) {
    if (form.client_assertion_type !== ASSERTION_TYPE) {
      throw new OAuthError(400, "invalid_request", 50027, "Invalid client_assertion_type.");
    }
    await checkAssertion(ctx, app, form.client_assertion, tenant);
    acr = "2";
  } else {
    throw oauth.noCredential();
  }
  if (!sp) throw oauth.missingServicePrincipal(app.appId, ctx.dir.tenant.id);
  if (!sp.accountEnabled) {
    throw new OAuthError(
      400,
      "unauthorized_client",
      7000112,
      `Application '${app.appId}'(${app.displayName}) is disabled.`,
    );
  }
  return { app, sp, acr };
}
