import { describe, expect, it } from "vitest";
import { APP_ADMIN, errorOf, graph, USER, userToken } from "../test/harness.js";
import { RRA } from "../test/ids.js";
import { useSandbox } from "../test/suite.js";

const t = useSandbox({ reset: "tenant" });

describe("applications", () => {
  it("creates, reads, lists with $filter/$select, updates and deletes", async () => {
    const created = await graph(t.sb, t.admin, "POST", "/applications", {
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
    expect((await graph(t.sb, t.admin, "GET", `/applications/${id}`)).body.appId).toBe(appId);
    expect((await graph(t.sb, t.admin, "GET", `/applications(appId='${appId}')`)).body.id).toBe(id);
    const filtered = await graph(
      t.sb,
      t.admin,
      "GET",
      `/applications?$filter=appId eq '${appId}'&$select=id,appId`,
    );
    expect(filtered.body.value).toEqual([{ id, appId }]);
    const none = await graph(t.sb, t.admin, "GET", "/applications?$filter=displayName eq 'Other'");
    expect(none.body.value).toEqual([]);
    const patched = await graph(t.sb, t.admin, "PATCH", `/applications/${id}`, {
      notes: "managed by boxafe-connect",
    });
    expect(patched.status).toBe(204);
    expect((await graph(t.sb, t.admin, "GET", `/applications/${id}?$select=notes`)).body.notes).toBe(
      "managed by boxafe-connect",
    );
    expect((await graph(t.sb, t.admin, "DELETE", `/applications/${id}`)).status).toBe(204);
    const gone = await graph(t.sb, t.admin, "GET", `/applications/${id}`);
    expect(gone.status).toBe(404);
    expect(errorOf(gone)).toMatchObject({
      code: "Request_ResourceNotFound",
      message: `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
    });
    expect(gone.body.error).toHaveProperty("innerError.request-id");
    expect(gone.body.error).toHaveProperty("innerError.client-request-id");
    expect(gone.body.error).toHaveProperty("innerError.date");
    // Like https://github.com/EirikHaughom/ADME/issues/5: a replication 404 carries no details.
    expect(gone.body.error).not.toHaveProperty("details");
  });

  it("upserts by uniqueName: 201 then 204 with Prefer: create-if-missing, 404 without it", async () => {
    const path = "/applications(uniqueName='qnap-boxafe-contoso')";
    const prefer = { Prefer: "create-if-missing" };
    const missing = await graph(t.sb, t.admin, "PATCH", path, { displayName: "QNAP Boxafe" });
    expect(missing.status).toBe(404);
    const first = await graph(
      t.sb,
      t.admin,
      "PATCH",
      path,
      { displayName: "QNAP Boxafe", requiredResourceAccess: RRA },
      prefer,
    );
    expect(first.status).toBe(201);
    expect(first.body.uniqueName).toBe("qnap-boxafe-contoso");
    const second = await graph(t.sb, t.admin, "PATCH", path, { displayName: "QNAP Boxafe 2" }, prefer);
    expect(second.status).toBe(204);
    expect((await graph(t.sb, t.admin, "GET", path)).body).toMatchObject({
      id: first.body.id,
      displayName: "QNAP Boxafe 2",
    });
    const noName = await graph(
      t.sb,
      t.admin,
      "PATCH",
      "/applications(uniqueName='x')",
      { notes: "n" },
      prefer,
    );
    expect(noName.status).toBe(400);
  });

  it("rejects unknown and read-only properties, and passwordCredentials in PATCH", async () => {
    const app = await graph(t.sb, t.admin, "POST", "/applications", { displayName: "a" });
    const unknown = await graph(t.sb, t.admin, "PATCH", `/applications/${app.body.id}`, { colour: "red" });
    expect(unknown.status).toBe(400);
    expect(errorOf(unknown).message).toContain("colour");
    const pw = await graph(t.sb, t.admin, "PATCH", `/applications/${app.body.id}`, {
      passwordCredentials: [],
    });
    expect(pw.status).toBe(400);
    expect((await graph(t.sb, t.admin, "POST", "/applications", {})).status).toBe(400);
  });

  it("lets members create apps once consented, but only owners or app admins change them", async () => {
    const denied = await userToken(
      t.sb,
      USER,
      "https://graph.microsoft.com/Application.ReadWrite.All openid",
    );
    expect((await graph(t.sb, denied, "POST", "/applications", { displayName: "mine" })).status).toBe(403);
    // An admin registers a public client and consents to Application.ReadWrite.All for everyone.
    const cli = await graph(t.sb, t.admin, "POST", "/applications", {
      displayName: "cli",
      publicClient: { redirectUris: ["http://localhost"] },
    });
    const cliSp = await graph(t.sb, t.admin, "POST", "/servicePrincipals", { appId: cli.body.appId });
    const grant = await graph(t.sb, t.admin, "POST", "/oauth2PermissionGrants", {
      clientId: cliSp.body.id,
      consentType: "AllPrincipals",
      resourceId: "b0000001-0000-4000-8000-000000000001",
      scope: "Application.ReadWrite.All",
    });
    expect(grant.status).toBe(201);
    const user = await userToken(
      t.sb,
      USER,
      "https://graph.microsoft.com/Application.ReadWrite.All openid",
      String(cli.body.appId),
    );
    const mine = await graph(t.sb, user, "POST", "/applications", { displayName: "mine" });
    expect(mine.status).toBe(201);
    expect(
      (await graph(t.sb, user, "PATCH", `/applications/${mine.body.id}`, { notes: "mine" })).status,
    ).toBe(204);
    const other = await graph(t.sb, t.admin, "POST", "/applications", { displayName: "admin's" });
    const refused = await graph(t.sb, user, "PATCH", `/applications/${other.body.id}`, { notes: "no" });
    expect(refused.status).toBe(403);
    expect(errorOf(refused)).toMatchObject({
      code: "Authorization_RequestDenied",
      message: "Insufficient privileges to complete the operation.",
    });
    const appAdmin = await userToken(t.sb, APP_ADMIN);
    expect(
      (await graph(t.sb, appAdmin, "PATCH", `/applications/${other.body.id}`, { notes: "ok" })).status,
    ).toBe(204);
  });
});
