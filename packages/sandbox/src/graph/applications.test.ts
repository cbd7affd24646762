import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../sandbox.js";
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
