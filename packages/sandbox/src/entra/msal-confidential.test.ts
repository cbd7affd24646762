import { describe, expect, it } from "vitest";
import { makeCert } from "../test/cert.js";
import { claims, graph, registerApp } from "../test/harness.js";
import { EXO_SP, FULL_ACCESS_AS_APP, GRAPH_SP, MAIL_READWRITE } from "../test/ids.js";
import { aadsts, certClient, secretClient } from "../test/msal.js";
import { useSandbox } from "../test/suite.js";

// The directory's clock runs ahead of the wall clock by `ahead`: a secret's end date passes when a test
// moves it, never by waiting (a 1.5 s secret had to give its first token within 1.5 s; a loaded machine
// used half of that).
let ahead = 0;
const t = useSandbox({ now: () => Date.now() + ahead });

describe("client credentials with msal-node", () => {
  it("issues an app-only token whose roles follow the assignments held at issue time", async () => {
    const app = await registerApp(t.sb, t.admin);
    const cca = secretClient(t.sb, app.appId, app.secret);
    const token = async (scope: string) =>
      claims(
        (await cca.acquireTokenByClientCredential({ scopes: [scope], skipCache: true }))?.accessToken ?? "",
      );

    const before = await token("https://graph.microsoft.com/.default");
    expect(before).toMatchObject({
      aud: "https://graph.microsoft.com",
      tid: t.sb.tenantId,
      appid: app.appId,
      oid: app.spId,
      idtyp: "app",
    });
    expect(before.roles).toBeUndefined();

    const assigned = await graph(t.sb, t.admin, "POST", `/servicePrincipals/${GRAPH_SP}/appRoleAssignedTo`, {
      principalId: app.spId,
      resourceId: GRAPH_SP,
      appRoleId: MAIL_READWRITE,
    });
    expect(assigned.status).toBe(201);
    expect((await token("https://graph.microsoft.com/.default")).roles).toEqual(["Mail.ReadWrite"]);
    expect((await token("00000003-0000-0000-c000-000000000000/.default")).aud).toBe(
      "00000003-0000-0000-c000-000000000000",
    );

    await graph(t.sb, t.admin, "POST", `/servicePrincipals/${EXO_SP}/appRoleAssignedTo`, {
      principalId: app.spId,
      resourceId: EXO_SP,
      appRoleId: FULL_ACCESS_AS_APP,
    });
    const exo = await token("https://outlook.office365.com/.default");
    expect(exo).toMatchObject({ aud: "https://outlook.office365.com", roles: ["full_access_as_app"] });

    const removed = await graph(
      t.sb,
      t.admin,
      "DELETE",
      `/servicePrincipals/${GRAPH_SP}/appRoleAssignedTo/${assigned.body.id}`,
    );
    expect(removed.status).toBe(204);
    expect((await token("https://graph.microsoft.com/.default")).roles).toBeUndefined();
    const sharepoint = await token("https://contoso.sharepoint.com/.default");
    expect(sharepoint.aud).toBe("https://contoso.sharepoint.com");
    expect((await token("https://onenote.com/.default")).aud).toBe("https://onenote.com");
    expect((await token("https://graph.windows.net/.default")).aud).toBe("https://graph.windows.net");
  });

  it("rejects a wrong secret with AADSTS7000215 and an unknown app with AADSTS700016", async () => {
    const app = await registerApp(t.sb, t.admin, "wrong secret");
    await expect(
      secretClient(t.sb, app.appId, "not-the-secret").acquireTokenByClientCredential({
        scopes: ["https://graph.microsoft.com/.default"],
      }),
    ).rejects.toSatisfy((e) => aadsts(e) === "AADSTS7000215");
    await expect(
      secretClient(t.sb, "11111111-2222-4333-8444-555555555555", "x").acquireTokenByClientCredential({
        scopes: ["https://graph.microsoft.com/.default"],
      }),
    ).rejects.toSatisfy((e) => aadsts(e) === "AADSTS700016");
  });

  it("stops accepting a secret once its end date has passed (AADSTS7000222)", async () => {
    const app = await registerApp(t.sb, t.admin, "short secret");
    const short = await graph(t.sb, t.admin, "POST", `/applications/${app.id}/addPassword`, {
      passwordCredential: { endDateTime: new Date(Date.now() + ahead + 60_000).toISOString() },
    });
    const cca = secretClient(t.sb, app.appId, String(short.body.secretText));
    const ok = await cca.acquireTokenByClientCredential({
      scopes: ["https://graph.microsoft.com/.default"],
      skipCache: true,
    });
    expect(ok?.accessToken).toBeTruthy();
    ahead += 60_001;
    await expect(
      cca.acquireTokenByClientCredential({
        scopes: ["https://graph.microsoft.com/.default"],
        skipCache: true,
      }),
    ).rejects.toSatisfy((e) => aadsts(e) === "AADSTS7000222");
  });

  it("refuses an app without a service principal (AADSTS7000229) or with a disabled one (AADSTS7000112)", async () => {
    const bare = await graph(t.sb, t.admin, "POST", "/applications", { displayName: "no sp" });
    const pw = await graph(t.sb, t.admin, "POST", `/applications/${bare.body.id}/addPassword`, {});
    const cca = secretClient(t.sb, String(bare.body.appId), String(pw.body.secretText));
    const scopes = ["https://graph.microsoft.com/.default"];
    await expect(cca.acquireTokenByClientCredential({ scopes })).rejects.toSatisfy(
      (e) => aadsts(e) === "AADSTS7000229",
    );
    const sp = await graph(t.sb, t.admin, "POST", "/servicePrincipals", {
      appId: bare.body.appId,
      accountEnabled: false,
    });
    expect(sp.body.accountEnabled).toBe(false);
    await expect(cca.acquireTokenByClientCredential({ scopes, skipCache: true })).rejects.toSatisfy(
      (e) => aadsts(e) === "AADSTS7000112",
    );
    await graph(t.sb, t.admin, "PATCH", `/servicePrincipals/${sp.body.id}`, { accountEnabled: true });
    expect((await cca.acquireTokenByClientCredential({ scopes, skipCache: true }))?.accessToken).toBeTruthy();
  });

  it("rejects a scope without /.default and an unknown resource", async () => {
    const app = await registerApp(t.sb, t.admin, "scopes");
    const cca = secretClient(t.sb, app.appId, app.secret);
    await expect(
      cca.acquireTokenByClientCredential({ scopes: ["https://graph.microsoft.com/User.Read"] }),
    ).rejects.toSatisfy((e) => aadsts(e) === "AADSTS1002012");
    await expect(
      cca.acquireTokenByClientCredential({ scopes: ["https://nothing.example/.default"] }),
    ).rejects.toSatisfy((e) => aadsts(e) === "AADSTS500011");
  });
});

describe("client credentials with a certificate", () => {
  it("accepts an assertion signed by a key whose certificate is in keyCredentials", async () => {
    const app = await registerApp(t.sb, t.admin, "cert app");
    const cert = await makeCert();
    const patched = await graph(t.sb, t.admin, "PATCH", `/applications/${app.id}`, {
      keyCredentials: [
        { type: "AsymmetricX509Cert", usage: "Verify", key: cert.der, displayName: "CN=QNAP Boxafe test" },
      ],
    });
    expect(patched.status).toBe(204);
    const result = await certClient(
      t.sb,
      app.appId,
      cert.privateKeyPem,
      cert.thumbprintSha256,
    ).acquireTokenByClientCredential({
      scopes: ["https://contoso.sharepoint.com/.default"],
    });
    expect(claims(result?.accessToken ?? "")).toMatchObject({
      aud: "https://contoso.sharepoint.com",
      appid: app.appId,
      appidacr: "2",
    });
  });

  it("rejects a certificate that is not registered (AADSTS700027)", async () => {
    const app = await registerApp(t.sb, t.admin, "cert app 2");
    const cert = await makeCert();
    await expect(
      certClient(t.sb, app.appId, cert.privateKeyPem, cert.thumbprintSha256).acquireTokenByClientCredential({
        scopes: ["https://graph.microsoft.com/.default"],
      }),
    ).rejects.toSatisfy((e) => aadsts(e) === "AADSTS700027");
  });
});
