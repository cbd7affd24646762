/**
 * Client assertions posted as they are (no msal): the sandbox holds them to Microsoft's "Certificate
 * credentials" page: aud = the token endpoint, unexpired, and (stricter than Entra, said in
 * client-auth.ts) at most 10 minutes long; a reused jti is served, as Entra serves msal-node's cached one.
 */
import { createHash } from "node:crypto";
import { importPKCS8, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { makeCert, type TestCert } from "../test/cert.js";
import { graph, registerApp } from "../test/harness.js";
import { useSandbox } from "../test/suite.js";

const t = useSandbox();

async function certApp(name: string): Promise<{ appId: string; cert: TestCert }> {
  const app = await registerApp(t.sb, t.admin, name);
  const cert = await makeCert();
  const patched = await graph(t.sb, t.admin, "PATCH", `/applications/${app.id}`, {
    keyCredentials: [{ type: "AsymmetricX509Cert", usage: "Verify", key: cert.der, displayName: "CN=test" }],
  });
  expect(patched.status).toBe(204);
  return { appId: app.appId, cert };
}

async function sign(
  app: { appId: string; cert: TestCert },
  claims: { aud?: string; nbf?: number; exp?: number; jti?: string } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const x5tS256 = createHash("sha256").update(Buffer.from(app.cert.der, "base64")).digest("base64url");
  return new SignJWT({})
    .setProtectedHeader({ alg: "RS256", typ: "JWT", "x5t#S256": x5tS256 })
    .setIssuer(app.appId)
    .setSubject(app.appId)
    .setAudience(claims.aud ?? `${t.sb.url}/${t.sb.tenantId}/oauth2/v2.0/token`)
    .setJti(claims.jti ?? crypto.randomUUID())
    .setIssuedAt(claims.nbf ?? now)
    .setNotBefore(claims.nbf ?? now)
    .setExpirationTime(claims.exp ?? now + 600)
    .sign(await importPKCS8(app.cert.privateKeyPem, "RS256"));
}

async function redeem(appId: string, assertion: string): Promise<{ status: number; codes: number[] }> {
  const res = await fetch(`${t.sb.url}/${t.sb.tenantId}/oauth2/v2.0/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: appId,
      scope: "https://graph.microsoft.com/.default",
      client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      client_assertion: assertion,
    }).toString(),
  });
  const body = (await res.json()) as { error_codes?: number[] };
  return { status: res.status, codes: body.error_codes ?? [] };
}

describe("client assertions", () => {
  it("serves one assertion twice (Entra documents no jti replay check; msal-node reuses its own)", async () => {
    const app = await certApp("assertion reuse");
    const assertion = await sign(app);
    expect((await redeem(app.appId, assertion)).status).toBe(200);
    expect((await redeem(app.appId, assertion)).status).toBe(200);
  });

  it("refuses one that lives longer than 10 minutes, an expired one and one for another endpoint", async () => {
    const app = await certApp("assertion limits");
    const now = Math.floor(Date.now() / 1000);
    expect(await redeem(app.appId, await sign(app, { exp: now + 601 }))).toEqual({
      status: 401,
      codes: [700024],
    });
    expect(await redeem(app.appId, await sign(app, { nbf: now - 1200, exp: now - 600 }))).toEqual({
      status: 401,
      codes: [700024],
    });
    const other = await sign(app, { aud: "https://login.microsoftonline.com/common/oauth2/v2.0/token" });
    expect((await redeem(app.appId, other)).codes).toEqual([700212]);
  });
});
