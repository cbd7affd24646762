import { describe, expect, it } from "vitest";
import { ADMIN, errorOf, graph, registerApp, USER, userToken } from "../test/harness.js";
import { GRAPH_SP } from "../test/ids.js";
import { useSandbox } from "../test/suite.js";

const t = useSandbox({ reset: "tenant" });

describe("service principals", () => {
  it("serves the resource principals with real appIds, app roles and scopes", async () => {
    const res = await graph(
      t.sb,
      t.admin,
      "GET",
      "/servicePrincipals(appId='00000003-0000-0000-c000-000000000000')?$select=id,appId,displayName,appRoles,oauth2PermissionScopes",
    );
    expect(res.body).toMatchObject({ id: GRAPH_SP, displayName: "Microsoft Graph" });
    const roles = res.body.appRoles as { value: string; id: string }[];
    expect(roles.find((r) => r.value === "Sites.FullControl.All")?.id).toBe(
      "a82116e5-55eb-4c41-a434-62fe8a61c773",
    );
    const scopes = res.body.oauth2PermissionScopes as { value: string; id: string }[];
    expect(scopes.find((s) => s.value === "User.Read")?.id).toBe("e1fe6dd8-ba31-4d61-89e7-88639da4683d");
    const all = await graph(
      t.sb,
      t.admin,
      "GET",
      "/servicePrincipals?$top=999&$select=appId,displayName,appOwnerOrganizationId",
    );
    const resourceAppIds = (all.body.value as { appId: string }[])
      .map((s) => s.appId)
      .filter((a) => /^0000000[23]-0000-0(000|ff1)-c[0e]00-000000000000$|^2d4d3d8e-/.test(a));
    // Beside the seeded first-party principals (a few hundred, fixtures/first-party-apps.gen.json).
    expect((all.body.value as unknown[]).length).toBeGreaterThan(300);
    expect(resourceAppIds.sort()).toEqual([
      "00000002-0000-0000-c000-000000000000",
      "00000002-0000-0ff1-ce00-000000000000",
      "00000003-0000-0000-c000-000000000000",
      "00000003-0000-0ff1-ce00-000000000000",
      "2d4d3d8e-2be3-4bef-9f87-7875a61c29de",
    ]);
    const filtered = await graph(
      t.sb,
      t.admin,
      "GET",
      "/servicePrincipals?$filter=appId eq '2d4d3d8e-2be3-4bef-9f87-7875a61c29de'",
    );
    expect((filtered.body.value as { displayName: string }[])[0]?.displayName).toBe("OneNote");
  });

  it("upserts by appId: 201 then 204, 404 without Prefer, 409 on a second POST", async () => {
    const app = await graph(t.sb, t.admin, "POST", "/applications", { displayName: "sp" });
    const path = `/servicePrincipals(appId='${app.body.appId}')`;
    expect((await graph(t.sb, t.admin, "PATCH", path, {})).status).toBe(404);
    const created = await graph(t.sb, t.admin, "PATCH", path, {}, { Prefer: "create-if-missing" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      appId: app.body.appId,
      displayName: "sp",
      servicePrincipalType: "Application",
    });
    expect(
      (await graph(t.sb, t.admin, "PATCH", path, { tags: ["x"] }, { Prefer: "create-if-missing" })).status,
    ).toBe(204);
    const dup = await graph(t.sb, t.admin, "POST", "/servicePrincipals", { appId: app.body.appId });
    expect(dup.status).toBe(409);
  });

  it("refuses a service principal for an appId with no application (NoBackingApplicationObject)", async () => {
    const appId = "0f0f0f0f-1111-4222-8333-444444444444";
    const res = await graph(t.sb, t.admin, "POST", "/servicePrincipals", { appId });
    expect(res.status).toBe(400);
    expect(errorOf(res)).toMatchObject({
      code: "Request_BadRequest",
      message: `The appId '${appId}' of the service principal does not reference a valid application object.`,
    });
    expect(errorOf(res).details).toEqual([
      expect.objectContaining({ code: "NoBackingApplicationObject", target: "appId" }),
    ]);
  });
});

describe("me and organization", () => {
  it("returns the signed-in user, their directory roles and the tenant", async () => {
    const me = await graph(t.sb, t.admin, "GET", "/me");
    expect(me.body).toMatchObject({ userPrincipalName: ADMIN, id: "a0000001-0000-4000-8000-000000000001" });
    const roles = await graph(t.sb, t.admin, "GET", "/me/memberOf");
    expect(roles.body.value).toEqual([
      expect.objectContaining({
        "@odata.type": "#microsoft.graph.directoryRole",
        roleTemplateId: "62e90394-69f5-4237-9190-012177145e10",
        displayName: "Global Administrator",
      }),
    ]);
    const user = await userToken(t.sb, USER, "User.Read openid");
    expect((await graph(t.sb, user, "GET", "/me/memberOf")).body.value).toEqual([]);
    const org = await graph(t.sb, user, "GET", "/organization");
    expect(org.body.value).toEqual([
      expect.objectContaining({
        id: t.sb.tenantId,
        verifiedDomains: [expect.objectContaining({ name: "contoso.onmicrosoft.com", isInitial: true })],
      }),
    ]);
    expect((await graph(t.sb, t.admin, "GET", "/nothing")).status).toBe(400);
  });

  it("refuses /me for an app-only token", async () => {
    const app = await registerApp(t.sb, t.admin);
    const res = await fetch(`${t.sb.url}/${t.sb.tenantId}/oauth2/v2.0/token`, {
      method: "POST",
      body: new URLSearchParams({
        client_id: app.appId,
        client_secret: app.secret,
        grant_type: "client_credentials",
        scope: "https://graph.microsoft.com/.default",
      }),
    });
    const token = String(((await res.json()) as { access_token: string }).access_token);
    expect((await graph(t.sb, token, "GET", "/me")).status).toBe(400);
    expect((await graph(t.sb, token, "GET", "/applications")).status).toBe(403);
  });
});
