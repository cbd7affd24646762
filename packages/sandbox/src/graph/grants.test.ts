import { describe, expect, it } from "vitest";
import {
  ADMIN,
  APP_ADMIN,
  assign,
  claims,
  errorOf,
  graph,
  registerApp,
  USER,
  userToken,
} from "../test/harness.js";
import { EXO_SP, FULL_ACCESS_AS_APP, GRAPH_SP } from "../test/ids.js";
import { useSandbox } from "../test/suite.js";

const t = useSandbox({ reset: "tenant" });

describe("delegated permission grants", () => {
  it("creates one grant per client and resource, PATCH replaces scope, filters and deletes", async () => {
    const app = await registerApp(t.sb, t.admin);
    const body = {
      clientId: app.spId,
      consentType: "AllPrincipals",
      resourceId: GRAPH_SP,
      scope: "openid User.Read",
    };
    const grant = await graph(t.sb, t.admin, "POST", "/oauth2PermissionGrants", body);
    expect(grant.status).toBe(201);
    expect(grant.body).toMatchObject({ ...body, principalId: null });
    const dup = await graph(t.sb, t.admin, "POST", "/oauth2PermissionGrants", body);
    // The shape of https://github.com/hashicorp/terraform-provider-azuread/issues/690
    expect(dup.status).toBe(409);
    expect(errorOf(dup)).toMatchObject({
      code: "Request_MultipleObjectsWithSameKeyValue",
      message: "Permission entry already exists.",
    });
    const patched = await graph(t.sb, t.admin, "PATCH", `/oauth2PermissionGrants/${grant.body.id}`, {
      scope: "openid User.Read Group.ReadWrite.All",
    });
    expect(patched.status).toBe(204);
    const found = await graph(
      t.sb,
      t.admin,
      "GET",
      `/oauth2PermissionGrants?$filter=clientId eq '${app.spId}' and consentType eq 'AllPrincipals'`,
    );
    expect(found.body.value).toEqual([
      expect.objectContaining({ id: grant.body.id, scope: "openid User.Read Group.ReadWrite.All" }),
    ]);
    const fromSp = await graph(t.sb, t.admin, "GET", `/servicePrincipals/${app.spId}/oauth2PermissionGrants`);
    expect((fromSp.body.value as unknown[]).length).toBe(1);
    expect(
      (
        await graph(t.sb, t.admin, "PATCH", `/oauth2PermissionGrants/${grant.body.id}`, {
          clientId: GRAPH_SP,
        })
      ).status,
    ).toBe(400);
    expect((await graph(t.sb, t.admin, "DELETE", `/oauth2PermissionGrants/${grant.body.id}`)).status).toBe(
      204,
    );
    expect((await graph(t.sb, t.admin, "GET", `/oauth2PermissionGrants/${grant.body.id}`)).status).toBe(404);
  });

  it("needs DelegatedPermissionGrant.ReadWrite.All and an admin role", async () => {
    const app = await registerApp(t.sb, t.admin);
    const body = {
      clientId: app.spId,
      consentType: "AllPrincipals",
      resourceId: EXO_SP,
      scope: "EWS.AccessAsUser.All",
    };
    const narrow = await userToken(
      t.sb,
      ADMIN,
      "https://graph.microsoft.com/Application.ReadWrite.All openid",
    );
    expect((await graph(t.sb, narrow, "POST", "/oauth2PermissionGrants", body)).status).toBe(403);
    const appAdmin = await userToken(t.sb, APP_ADMIN);
    expect((await graph(t.sb, appAdmin, "POST", "/oauth2PermissionGrants", body)).status).toBe(201);
  });
});

describe("a plain user", () => {
  it("gets 403 Authorization_RequestDenied for grants even with the scopes consented", async () => {
    const app = await registerApp(t.sb, t.admin);
    const cli = await registerApp(t.sb, t.admin, "cli");
    const scope =
      "Application.ReadWrite.All AppRoleAssignment.ReadWrite.All DelegatedPermissionGrant.ReadWrite.All";
    await graph(t.sb, t.admin, "POST", "/oauth2PermissionGrants", {
      clientId: cli.spId,
      consentType: "AllPrincipals",
      resourceId: GRAPH_SP,
      scope,
    });
    const user = await userToken(
      t.sb,
      USER,
      "https://graph.microsoft.com/AppRoleAssignment.ReadWrite.All https://graph.microsoft.com/DelegatedPermissionGrant.ReadWrite.All openid",
      cli.appId,
    );
    // The admin's consent puts the scopes into the user's token; the missing directory role is what denies.
    expect(String(claims(user).scp).split(" ")).toEqual(
      expect.arrayContaining(["AppRoleAssignment.ReadWrite.All", "DelegatedPermissionGrant.ReadWrite.All"]),
    );
    const plain = await userToken(t.sb, USER, "openid profile", cli.appId);
    expect(String(claims(plain).scp).split(" ").sort()).toEqual([...scope.split(" "), "User.Read"].sort());
    const denied = await assign(t.sb, user, EXO_SP, app.spId, FULL_ACCESS_AS_APP);
    expect(denied.status).toBe(403);
    const grant = await graph(t.sb, user, "POST", "/oauth2PermissionGrants", {
      clientId: app.spId,
      consentType: "AllPrincipals",
      resourceId: GRAPH_SP,
      scope: "User.Read",
    });
    expect(errorOf(grant).code).toBe("Authorization_RequestDenied");
  });
});
