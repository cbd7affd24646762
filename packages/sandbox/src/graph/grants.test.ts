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
  registerApp,
  USER,
  userToken,
} from "../test/harness.js";

const GRAPH_SP = "b0000001-0000-4000-8000-000000000001";
const EXO_SP = "b0000001-0000-4000-8000-000000000002";
const _MAIL_READWRITE = "e2a3a72e-5f79-4c64-b1b1-878b674786c9";
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
    const plain = await userToken(sb, USER, "openid profile", cli.appId);
    expect(String(claims(plain).scp).split(" ").sort()).toEqual([...scope.split(" "), "User.Read"].sort());
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
