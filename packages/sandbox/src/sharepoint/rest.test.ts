import { describe, expect, it } from "vitest";
import { makeCert } from "../test/cert.js";
import { assign, graph, registerApp } from "../test/harness.js";
import { certClient, secretClient } from "../test/msal.js";
import { useSandbox } from "../test/suite.js";

const t = useSandbox({ reset: "tenant" });
const SP_SP = "b0000001-0000-4000-8000-000000000003";
const SITES_FULL_CONTROL = "678536fe-1083-478a-9c59-b99265e6b0d3";
const SCOPE = "https://contoso.sharepoint.com/.default";

async function web(token: string) {
  const res = await fetch(`${t.sb.url}/_api/web`, {
    headers: { Authorization: `Bearer ${token}`, Accept: "application/json;odata=nometadata" },
  });
  return {
    status: res.status,
    diagnostics: res.headers.get("x-ms-diagnostics"),
    body: (await res.json()) as Record<string, unknown>,
  };
}

/** Gives the app a new certificate and returns a SharePoint app-only token signed with it. */
async function certificateToken(app: { id: string; appId: string }): Promise<string> {
  const cert = await makeCert();
  await graph(t.sb, t.admin, "PATCH", `/applications/${app.id}`, {
    keyCredentials: [{ type: "AsymmetricX509Cert", usage: "Verify", key: cert.der, displayName: "CN=test" }],
  });
  const result = await certClient(
    t.sb,
    app.appId,
    cert.privateKeyPem,
    cert.thumbprintSha256,
  ).acquireTokenByClientCredential({ scopes: [SCOPE], skipCache: true });
  return result?.accessToken ?? "";
}

describe("SharePoint REST _api/web as an app", () => {
  it("refuses a secret-based token (401 Unsupported app only token) and accepts a certificate-based one", async () => {
    const app = await registerApp(t.sb, t.admin, "sp app");
    await assign(t.sb, t.admin, SP_SP, app.spId, SITES_FULL_CONTROL);
    const bySecret = await secretClient(t.sb, app.appId, app.secret).acquireTokenByClientCredential({
      scopes: [SCOPE],
      skipCache: true,
    });
    const refused = await web(bySecret?.accessToken ?? "");
    expect(refused.status).toBe(401);
    expect(refused.diagnostics).toContain("Unsupported app only token.");

    const ok = await web(await certificateToken(app));
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ Url: "https://contoso.sharepoint.com" });
  });

  it("answers 403 to a certificate token without a SharePoint app role", async () => {
    const app = await registerApp(t.sb, t.admin, "no role");
    expect((await web(await certificateToken(app))).status).toBe(403);
  });
});

describe("Graph GET /users as an app", () => {
  it("lists users with User.Read.All and refuses without a directory-read role", async () => {
    const app = await registerApp(t.sb, t.admin, "users app");
    const token = async () =>
      (
        await secretClient(t.sb, app.appId, app.secret).acquireTokenByClientCredential({
          scopes: ["https://graph.microsoft.com/.default"],
          skipCache: true,
        })
      )?.accessToken ?? "";
    expect((await graph(t.sb, await token(), "GET", "/users?$top=1")).status).toBe(403);
    await assign(
      t.sb,
      t.admin,
      "b0000001-0000-4000-8000-000000000001",
      app.spId,
      "df021288-bdef-4463-88db-98f22de89214",
    );
    const listed = await graph(t.sb, await token(), "GET", "/users?$top=1");
    expect(listed.status).toBe(200);
    expect(listed.body.value).toHaveLength(1);
  });
});
