import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../sandbox.js";
import {
  ADMIN,
  APP_ADMIN,
  boot,
  claims,
  errorOf,
  graph,
  hook,
  PRA,
  registerApp,
  USER,
  userToken,
} from "../test/harness.js";

const GRAPH_SP = "b0000001-0000-4000-8000-000000000001";
const EXO_SP = "b0000001-0000-4000-8000-000000000002";
const MAIL_READWRITE = "e2a3a72e-5f79-4c64-b1b1-878b674786c9";
const FULL_ACCESS_AS_APP = "dc890d15-9560-4a4c-9b7f-a736ec74ec40";

let sb: RunningSandbox;
let admin: string;
beforeAll(async () => {
  sb = await boot();
  admin = await userToken(sb, ADMIN);
});
beforeEach(() => hook(sb, "reset", {}));
afterAll(() => sb.stop());

const assign = (token: string, resource: string, principalId: string, appRoleId: string) =>
  graph(sb, token, "POST", `/servicePrincipals/${resource}/appRoleAssignedTo`, {
    principalId,
    resourceId: resource,
    appRoleId,
  });

describe("service principals", () => {
  it("serves the resource principals with real appIds, app roles and scopes", async () => {
    const res = await graph(
      sb,
      admin,
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
    const all = await graph(sb, admin, "GET", "/servicePrincipals?$select=appId,displayName");
    expect((all.body.value as { appId: string }[]).map((s) => s.appId).sort()).toEqual([
      "00000002-0000-0000-c000-000000000000",
      "00000002-0000-0ff1-ce00-000000000000",
      "00000003-0000-0000-c000-000000000000",
      "00000003-0000-0ff1-ce00-000000000000",
      "2d4d3d8e-2be3-4bef-9f87-7875a61c29de",
    ]);
    const filtered = await graph(
      sb,
      admin,
      "GET",
      "/servicePrincipals?$filter=appId eq '2d4d3d8e-2be3-4bef-9f87-7875a61c29de'",
    );
    expect((filtered.body.value as { displayName: string }[])[0]?.displayName).toBe("OneNote");
  });

  it("upserts by appId: 201 then 204, 404 without Prefer, 409 on a second POST", async () => {
    const app = await graph(sb, admin, "POST", "/applications", { displayName: "sp" });
    const path = `/servicePrincipals(appId='${app.body.appId}')`;
    expect((await graph(sb, admin, "PATCH", path, {})).status).toBe(404);
    const created = await graph(sb, admin, "PATCH", path, {}, { Prefer: "create-if-missing" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      appId: app.body.appId,
      displayName: "sp",
      servicePrincipalType: "Application",
    });
    expect(
      (await graph(sb, admin, "PATCH", path, { tags: ["x"] }, { Prefer: "create-if-missing" })).status,
    ).toBe(204);
    const dup = await graph(sb, admin, "POST", "/servicePrincipals", { appId: app.body.appId });
    expect(dup.status).toBe(409);
  });

  it("refuses a service principal for an appId with no application (NoBackingApplicationObject)", async () => {
    const appId = "0f0f0f0f-1111-4222-8333-444444444444";
    const res = await graph(sb, admin, "POST", "/servicePrincipals", { appId });
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

describe("app role assignments", () => {
  it("creates, lists from both sides, refuses duplicates and deletes", async () => {
    const app = await registerApp(sb, admin);
    const first = await assign(admin, GRAPH_SP, app.spId, MAIL_READWRITE);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      principalId: app.spId,
      resourceId: GRAPH_SP,
      appRoleId: MAIL_READWRITE,
      principalType: "ServicePrincipal",
      resourceDisplayName: "Microsoft Graph",
    });
    const dup = await assign(admin, GRAPH_SP, app.spId, MAIL_READWRITE);
    expect(dup.status).toBe(400);
    expect(errorOf(dup)).toMatchObject({
      code: "Request_BadRequest",
      message: "Permission being assigned already exists on the object.",
    });
    const viaPrincipal = await graph(sb, admin, "POST", `/servicePrincipals/${app.spId}/appRoleAssignments`, {
      principalId: app.spId,
      resourceId: EXO_SP,
      appRoleId: FULL_ACCESS_AS_APP,
    });
    expect(viaPrincipal.status).toBe(201);
    const held = await graph(sb, admin, "GET", `/servicePrincipals/${app.spId}/appRoleAssignments`);
    expect((held.body.value as unknown[]).length).toBe(2);
    const onGraph = await graph(
      sb,
      admin,
      "GET",
      `/servicePrincipals(appId='00000003-0000-0000-c000-000000000000')/appRoleAssignedTo?$filter=principalId eq '${app.spId}'`,
    );
    expect((onGraph.body.value as { id: string }[]).map((a) => a.id)).toEqual([first.body.id]);
    const unknownRole = await assign(admin, GRAPH_SP, app.spId, "00000000-1111-4222-8333-444444444444");
    expect(unknownRole.status).toBe(400);
    expect(
      (await graph(sb, admin, "DELETE", `/servicePrincipals/${GRAPH_SP}/appRoleAssignedTo/${first.body.id}`))
        .status,
    ).toBe(204);
    expect(
      (await graph(sb, admin, "DELETE", `/servicePrincipals/${GRAPH_SP}/appRoleAssignedTo/${first.body.id}`))
        .status,
    ).toBe(404);
    expect(
      (
        await graph(
          sb,
          admin,
          "DELETE",
          `/servicePrincipals/${app.spId}/appRoleAssignments/${viaPrincipal.body.id}`,
        )
      ).status,
    ).toBe(204);
  });

  it("needs Global or Privileged Role Administrator for Microsoft Graph roles; App Admin may grant others", async () => {
    const app = await registerApp(sb, admin);
    const appAdmin = await userToken(sb, APP_ADMIN);
    const pra = await userToken(sb, PRA);
    const denied = await assign(appAdmin, GRAPH_SP, app.spId, MAIL_READWRITE);
    expect(denied.status).toBe(403);
    expect(errorOf(denied)).toMatchObject({
      code: "Authorization_RequestDenied",
      message: "Insufficient privileges to complete the operation.",
    });
    expect((await assign(appAdmin, EXO_SP, app.spId, FULL_ACCESS_AS_APP)).status).toBe(201);
    expect((await assign(pra, GRAPH_SP, app.spId, MAIL_READWRITE)).status).toBe(201);
  });

  it("denies a token without AppRoleAssignment.ReadWrite.All even for a Global Administrator", async () => {
    const app = await registerApp(sb, admin);
    const narrow = await userToken(sb, ADMIN, "https://graph.microsoft.com/Application.ReadWrite.All openid");
    expect((await assign(narrow, GRAPH_SP, app.spId, MAIL_READWRITE)).status).toBe(403);
    // Application.ReadWrite.All still covers non-Graph resources.
    expect((await assign(narrow, EXO_SP, app.spId, FULL_ACCESS_AS_APP)).status).toBe(201);
  });
});

describe("delegated permission grants", () => {
  it("creates one grant per client and resource, PATCH replaces scope, filters and deletes", async () => {
    const app = await registerApp(sb, admin);
    const body = {
      clientId: app.spId,
      consentType: "AllPrincipals",
      resourceId: GRAPH_SP,
      scope: "openid User.Read",
    };
    const grant = await graph(sb, admin, "POST", "/oauth2PermissionGrants", body);
    expect(grant.status).toBe(201);
    expect(grant.body).toMatchObject({ ...body, principalId: null });
    const dup = await graph(sb, admin, "POST", "/oauth2PermissionGrants", body);
    expect(dup.status).toBe(409);
    expect(errorOf(dup)).toMatchObject({
      code: "Request_MultipleObjectsWithSameKeyValue",
      message: "Permission entry already exists.",
    });
    const patched = await graph(sb, admin, "PATCH", `/oauth2PermissionGrants/${grant.body.id}`, {
      scope: "openid User.Read Group.ReadWrite.All",
    });
    expect(patched.status).toBe(204);
    const found = await graph(
      sb,
      admin,
      "GET",
      `/oauth2PermissionGrants?$filter=clientId eq '${app.spId}' and consentType eq 'AllPrincipals'`,
    );
    expect(found.body.value).toEqual([
      expect.objectContaining({ id: grant.body.id, scope: "openid User.Read Group.ReadWrite.All" }),
    ]);
    const fromSp = await graph(sb, admin, "GET", `/servicePrincipals/${app.spId}/oauth2PermissionGrants`);
    expect((fromSp.body.value as unknown[]).length).toBe(1);
    expect(
      (await graph(sb, admin, "PATCH", `/oauth2PermissionGrants/${grant.body.id}`, { clientId: GRAPH_SP }))
        .status,
    ).toBe(400);
    expect((await graph(sb, admin, "DELETE", `/oauth2PermissionGrants/${grant.body.id}`)).status).toBe(204);
    expect((await graph(sb, admin, "GET", `/oauth2PermissionGrants/${grant.body.id}`)).status).toBe(404);
  });

  it("needs DelegatedPermissionGrant.ReadWrite.All and an admin role", async () => {
    const app = await registerApp(sb, admin);
    const body = {
      clientId: app.spId,
      consentType: "AllPrincipals",
      resourceId: EXO_SP,
      scope: "EWS.AccessAsUser.All",
    };
    const narrow = await userToken(sb, ADMIN, "https://graph.microsoft.com/Application.ReadWrite.All openid");
    expect((await graph(sb, narrow, "POST", "/oauth2PermissionGrants", body)).status).toBe(403);
    const appAdmin = await userToken(sb, APP_ADMIN);
    expect((await graph(sb, appAdmin, "POST", "/oauth2PermissionGrants", body)).status).toBe(201);
  });
});

describe("me and organization", () => {
  it("returns the signed-in user, their directory roles and the tenant", async () => {
    const me = await graph(sb, admin, "GET", "/me");
    expect(me.body).toMatchObject({ userPrincipalName: ADMIN, id: "a0000001-0000-4000-8000-000000000001" });
    const roles = await graph(sb, admin, "GET", "/me/memberOf");
    expect(roles.body.value).toEqual([
      expect.objectContaining({
        "@odata.type": "#microsoft.graph.directoryRole",
        roleTemplateId: "62e90394-69f5-4237-9190-012177145e10",
        displayName: "Global Administrator",
      }),
    ]);
    const user = await userToken(sb, USER, "User.Read openid");
    expect((await graph(sb, user, "GET", "/me/memberOf")).body.value).toEqual([]);
    const org = await graph(sb, user, "GET", "/organization");
    expect(org.body.value).toEqual([
      expect.objectContaining({
        id: sb.tenantId,
        verifiedDomains: [expect.objectContaining({ name: "contoso.onmicrosoft.com", isInitial: true })],
      }),
    ]);
    expect((await graph(sb, admin, "GET", "/nothing")).status).toBe(400);
  });

  it("refuses /me for an app-only token", async () => {
    const app = await registerApp(sb, admin);
    const res = await fetch(`${sb.url}/${sb.tenantId}/oauth2/v2.0/token`, {
      method: "POST",
      body: new URLSearchParams({
        client_id: app.appId,
        client_secret: app.secret,
        grant_type: "client_credentials",
        scope: "https://graph.microsoft.com/.default",
      }),
    });
    const token = String(((await res.json()) as { access_token: string }).access_token);
    expect((await graph(sb, token, "GET", "/me")).status).toBe(400);
    expect((await graph(sb, token, "GET", "/applications")).status).toBe(403);
  });
});

describe("a plain user", () => {
  it("gets 403 Authorization_RequestDenied for grants even with the scopes consented", async () => {
    const app = await registerApp(sb, admin);
    const cli = await registerApp(sb, admin, "cli");
    const scope =
      "Application.ReadWrite.All AppRoleAssignment.ReadWrite.All DelegatedPermissionGrant.ReadWrite.All";
    await graph(sb, admin, "POST", "/oauth2PermissionGrants", {
      clientId: cli.spId,
      consentType: "AllPrincipals",
      resourceId: GRAPH_SP,
      scope,
    });
    const user = await userToken(
      sb,
      USER,
      "https://graph.microsoft.com/AppRoleAssignment.ReadWrite.All https://graph.microsoft.com/DelegatedPermissionGrant.ReadWrite.All openid",
      cli.appId,
    );
    // The admin's consent puts the scopes into the user's token; the missing directory role is what denies.
    expect(String(claims(user).scp).split(" ")).toEqual(
      expect.arrayContaining(["AppRoleAssignment.ReadWrite.All", "DelegatedPermissionGrant.ReadWrite.All"]),
    );
    const denied = await assign(user, EXO_SP, app.spId, FULL_ACCESS_AS_APP);
    expect(denied.status).toBe(403);
    const grant = await graph(sb, user, "POST", "/oauth2PermissionGrants", {
      clientId: app.spId,
      consentType: "AllPrincipals",
      resourceId: GRAPH_SP,
      scope: "User.Read",
    });
    expect(errorOf(grant).code).toBe("Authorization_RequestDenied");
  });
});
