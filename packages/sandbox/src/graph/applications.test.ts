import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../sandbox.js";
import { makeCert } from "../test/cert.js";
import { ADMIN, APP_ADMIN, boot, errorOf, graph, hook, USER, userToken } from "../test/harness.js";

let sb: RunningSandbox;
let admin: string;
beforeAll(async () => {
  sb = await boot();
  admin = await userToken(sb, ADMIN);
});
beforeEach(() => hook(sb, "reset", {}));
afterAll(() => sb.stop());

const RRA = [
  {
    resourceAppId: "00000003-0000-0000-c000-000000000000",
    resourceAccess: [
      { id: "e2a3a72e-5f79-4c64-b1b1-878b674786c9", type: "Role" },
      { id: "e1fe6dd8-ba31-4d61-89e7-88639da4683d", type: "Scope" },
    ],
  },
];

describe("applications", () => {
  it("creates, reads, lists with $filter/$select, updates and deletes", async () => {
    const created = await graph(sb, admin, "POST", "/applications", {
      displayName: "QNAP Boxafe",
      requiredResourceAccess: RRA,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      displayName: "QNAP Boxafe",
      signInAudience: "AzureADMyOrg",
      requiredResourceAccess: RRA,
    });
    expect(created.headers.get("request-id")).toBeTruthy();
    const id = String(created.body.id);
    const appId = String(created.body.appId);
    expect((await graph(sb, admin, "GET", `/applications/${id}`)).body.appId).toBe(appId);
    expect((await graph(sb, admin, "GET", `/applications(appId='${appId}')`)).body.id).toBe(id);
    const filtered = await graph(
      sb,
      admin,
      "GET",
      `/applications?$filter=appId eq '${appId}'&$select=id,appId`,
    );
    expect(filtered.body.value).toEqual([{ id, appId }]);
    const none = await graph(sb, admin, "GET", "/applications?$filter=displayName eq 'Other'");
    expect(none.body.value).toEqual([]);
    const patched = await graph(sb, admin, "PATCH", `/applications/${id}`, {
      notes: "managed by boxafe-connect",
    });
    expect(patched.status).toBe(204);
    expect((await graph(sb, admin, "GET", `/applications/${id}?$select=notes`)).body.notes).toBe(
      "managed by boxafe-connect",
    );
    expect((await graph(sb, admin, "DELETE", `/applications/${id}`)).status).toBe(204);
    const gone = await graph(sb, admin, "GET", `/applications/${id}`);
    expect(gone.status).toBe(404);
    expect(errorOf(gone)).toMatchObject({
      code: "Request_ResourceNotFound",
      message: `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
    });
    expect(gone.body.error).toHaveProperty("innerError.request-id");
    expect(gone.body.error).toHaveProperty("innerError.client-request-id");
    expect(gone.body.error).toHaveProperty("innerError.date");
  });

  it("upserts by uniqueName: 201 then 204 with Prefer: create-if-missing, 404 without it", async () => {
    const path = "/applications(uniqueName='qnap-boxafe-contoso')";
    const prefer = { Prefer: "create-if-missing" };
    const missing = await graph(sb, admin, "PATCH", path, { displayName: "QNAP Boxafe" });
    expect(missing.status).toBe(404);
    const first = await graph(
      sb,
      admin,
      "PATCH",
      path,
      { displayName: "QNAP Boxafe", requiredResourceAccess: RRA },
      prefer,
    );
    expect(first.status).toBe(201);
    expect(first.body.uniqueName).toBe("qnap-boxafe-contoso");
    const second = await graph(sb, admin, "PATCH", path, { displayName: "QNAP Boxafe 2" }, prefer);
    expect(second.status).toBe(204);
    expect((await graph(sb, admin, "GET", path)).body).toMatchObject({
      id: first.body.id,
      displayName: "QNAP Boxafe 2",
    });
    const noName = await graph(sb, admin, "PATCH", "/applications(uniqueName='x')", { notes: "n" }, prefer);
    expect(noName.status).toBe(400);
  });

  it("rejects unknown and read-only properties, and passwordCredentials in PATCH", async () => {
    const app = await graph(sb, admin, "POST", "/applications", { displayName: "a" });
    const unknown = await graph(sb, admin, "PATCH", `/applications/${app.body.id}`, { colour: "red" });
    expect(unknown.status).toBe(400);
    expect(errorOf(unknown).message).toContain("colour");
    const pw = await graph(sb, admin, "PATCH", `/applications/${app.body.id}`, { passwordCredentials: [] });
    expect(pw.status).toBe(400);
    expect((await graph(sb, admin, "POST", "/applications", {})).status).toBe(400);
  });

  it("returns a secret once from addPassword (2-year default) and keeps only a hash", async () => {
    const app = await graph(sb, admin, "POST", "/applications", { displayName: "secret" });
    const before = Date.now();
    const pw = await graph(sb, admin, "POST", `/applications/${app.body.id}/addPassword`, {
      passwordCredential: { displayName: "boxafe" },
    });
    expect(pw.status).toBe(200);
    const secret = String(pw.body.secretText);
    expect(secret).toHaveLength(40);
    expect(pw.body.hint).toBe(secret.slice(0, 3));
    const start = new Date(String(pw.body.startDateTime));
    const end = new Date(String(pw.body.endDateTime));
    expect(end.getUTCFullYear() - start.getUTCFullYear()).toBe(2);
    expect(end.toISOString().slice(4)).toBe(start.toISOString().slice(4));
    expect(Date.parse(String(pw.body.startDateTime))).toBeGreaterThanOrEqual(before - 1000);
    const read = await graph(sb, admin, "GET", `/applications/${app.body.id}`);
    expect(read.body.passwordCredentials).toEqual([
      expect.objectContaining({ keyId: pw.body.keyId, secretText: null, hint: secret.slice(0, 3) }),
    ]);
    const state = JSON.stringify(await hook(sb, "state"));
    expect(state).not.toContain(secret);
    expect(state).not.toContain('"hash"');

    const removed = await graph(sb, admin, "POST", `/applications/${app.body.id}/removePassword`, {
      keyId: pw.body.keyId,
    });
    expect(removed.status).toBe(204);
    expect((await graph(sb, admin, "GET", `/applications/${app.body.id}`)).body.passwordCredentials).toEqual(
      [],
    );
    expect(
      (
        await graph(sb, admin, "POST", `/applications/${app.body.id}/removePassword`, {
          keyId: pw.body.keyId,
        })
      ).status,
    ).toBe(400);
  });

  it("enforces the app management policy's secret lifetime with Graph's error", async () => {
    await hook(sb, "policy", { passwordMaxLifetime: "P180D" });
    const app = await graph(sb, admin, "POST", "/applications", { displayName: "policy" });
    const tooLong = await graph(sb, admin, "POST", `/applications/${app.body.id}/addPassword`, {});
    expect(tooLong.status).toBe(400);
    expect(errorOf(tooLong).code).toBe("CredentialInvalidLifetimeAsPerAppPolicy");
    expect(errorOf(tooLong).message).toBe(
      "Credential lifetime exceeds the max value allowed as per assigned policy '00000000-0000-0000-0000-000000000000'",
    );
    expect(errorOf(tooLong).details).toEqual([
      expect.objectContaining({ code: "InvalidKeyEndDate", target: "EndDate" }),
    ]);
    const end = new Date(Date.now() + 90 * 86_400_000).toISOString();
    const ok = await graph(sb, admin, "POST", `/applications/${app.body.id}/addPassword`, {
      passwordCredential: { endDateTime: end },
    });
    expect(ok.status).toBe(200);
    await hook(sb, "policy", { passwordMaxLifetime: null, passwordAdditionBlocked: true });
    const blocked = await graph(sb, admin, "POST", `/applications/${app.body.id}/addPassword`, {});
    expect(errorOf(blocked).code).toBe("CredentialTypeNotAllowedAsPerAppPolicy");
    await hook(sb, "policy", { passwordAdditionBlocked: false });
  });

  it("replaces the whole keyCredentials collection on PATCH and never returns the key", async () => {
    const app = await graph(sb, admin, "POST", "/applications", { displayName: "certs" });
    const [a, b] = await Promise.all([makeCert(), makeCert()]);
    const key = (der: string) => ({
      type: "AsymmetricX509Cert",
      usage: "Verify",
      key: der,
      displayName: "CN=test",
    });
    await graph(sb, admin, "PATCH", `/applications/${app.body.id}`, { keyCredentials: [key(a.der)] });
    const one = (await graph(sb, admin, "GET", `/applications/${app.body.id}`)).body.keyCredentials as Record<
      string,
      unknown
    >[];
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({ key: null, type: "AsymmetricX509Cert", usage: "Verify" });
    expect(String(one[0]?.customKeyIdentifier)).toMatch(/^[0-9A-F]{40}$/);
    await graph(sb, admin, "PATCH", `/applications/${app.body.id}`, { keyCredentials: [key(b.der)] });
    const replaced = (await graph(sb, admin, "GET", `/applications/${app.body.id}`)).body
      .keyCredentials as Record<string, unknown>[];
    expect(replaced).toHaveLength(1);
    expect(replaced[0]?.keyId).not.toBe(one[0]?.keyId);
    const bad = await graph(sb, admin, "PATCH", `/applications/${app.body.id}`, {
      keyCredentials: [key("bm90IGEgY2VydA==")],
    });
    expect(bad.status).toBe(400);
  });

  it("lets members create apps once consented, but only owners or app admins change them", async () => {
    const denied = await userToken(sb, USER, "https://graph.microsoft.com/Application.ReadWrite.All openid");
    expect((await graph(sb, denied, "POST", "/applications", { displayName: "mine" })).status).toBe(403);
    // An admin registers a public client and consents to Application.ReadWrite.All for everyone.
    const cli = await graph(sb, admin, "POST", "/applications", {
      displayName: "cli",
      publicClient: { redirectUris: ["http://localhost"] },
    });
    const cliSp = await graph(sb, admin, "POST", "/servicePrincipals", { appId: cli.body.appId });
    const grant = await graph(sb, admin, "POST", "/oauth2PermissionGrants", {
      clientId: cliSp.body.id,
      consentType: "AllPrincipals",
      resourceId: "b0000001-0000-4000-8000-000000000001",
      scope: "Application.ReadWrite.All",
    });
    expect(grant.status).toBe(201);
    const user = await userToken(
      sb,
      USER,
      "https://graph.microsoft.com/Application.ReadWrite.All openid",
      String(cli.body.appId),
    );
    const mine = await graph(sb, user, "POST", "/applications", { displayName: "mine" });
    expect(mine.status).toBe(201);
    expect((await graph(sb, user, "PATCH", `/applications/${mine.body.id}`, { notes: "mine" })).status).toBe(
      204,
    );
    const other = await graph(sb, admin, "POST", "/applications", { displayName: "admin's" });
    const refused = await graph(sb, user, "PATCH", `/applications/${other.body.id}`, { notes: "no" });
    expect(refused.status).toBe(403);
    expect(errorOf(refused)).toMatchObject({
      code: "Authorization_RequestDenied",
      message: "Insufficient privileges to complete the operation.",
    });
    const appAdmin = await userToken(sb, APP_ADMIN);
    expect(
      (await graph(sb, appAdmin, "PATCH", `/applications/${other.body.id}`, { notes: "ok" })).status,
    ).toBe(204);
  });
});

describe("token validation", () => {
  it("answers 401 InvalidAuthenticationToken for a missing, forged, foreign-audience or expired token", async () => {
    expect(errorOf(await graph(sb, "", "GET", "/applications")).code).toBe("InvalidAuthenticationToken");
    const forged = `${admin.slice(0, -4)}AAAA`;
    expect((await graph(sb, forged, "GET", "/applications")).status).toBe(401);
    const exo = await userToken(sb, ADMIN, "https://outlook.office365.com/EWS.AccessAsUser.All openid");
    const wrongAud = await graph(sb, exo, "GET", "/applications");
    expect(wrongAud.status).toBe(401);
    expect(errorOf(wrongAud).message).toBe("Access token validation failure. Invalid audience.");

    await hook(sb, "faults", { spec: "tokenLifetime=1" });
    const short = await userToken(sb, ADMIN);
    await new Promise((r) => setTimeout(r, 1200));
    const expired = await graph(sb, short, "GET", "/applications");
    expect(expired.status).toBe(401);
    expect(errorOf(expired)).toMatchObject({
      code: "InvalidAuthenticationToken",
      message: "Lifetime validation failed, the token is expired.",
    });
    await hook(sb, "faults", { spec: "" });
  });
});
