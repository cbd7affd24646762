import { describe, expect, it } from "vitest";
import { ADMIN, APP_ADMIN, assign, errorOf, graph, PRA, registerApp, userToken } from "../test/harness.js";
import { EXO_SP, FULL_ACCESS_AS_APP, GRAPH_SP, MAIL_READWRITE } from "../test/ids.js";
import { useSandbox } from "../test/suite.js";

const t = useSandbox({ reset: "tenant" });

describe("app role assignments", () => {
  it("creates, lists from both sides, refuses duplicates and deletes", async () => {
    const app = await registerApp(t.sb, t.admin);
    const first = await assign(t.sb, t.admin, GRAPH_SP, app.spId, MAIL_READWRITE);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      principalId: app.spId,
      resourceId: GRAPH_SP,
      appRoleId: MAIL_READWRITE,
      principalType: "ServicePrincipal",
      resourceDisplayName: "Microsoft Graph",
    });
    const dup = await assign(t.sb, t.admin, GRAPH_SP, app.spId, MAIL_READWRITE);
    expect(dup.status).toBe(400);
    expect(errorOf(dup)).toMatchObject({
      code: "Request_BadRequest",
      message: "Permission being assigned already exists on the object.",
    });
    const viaPrincipal = await graph(
      t.sb,
      t.admin,
      "POST",
      `/servicePrincipals/${app.spId}/appRoleAssignments`,
      {
        principalId: app.spId,
        resourceId: EXO_SP,
        appRoleId: FULL_ACCESS_AS_APP,
      },
    );
    expect(viaPrincipal.status).toBe(201);
    const held = await graph(t.sb, t.admin, "GET", `/servicePrincipals/${app.spId}/appRoleAssignments`);
    expect((held.body.value as unknown[]).length).toBe(2);
    const onGraph = await graph(
      t.sb,
      t.admin,
      "GET",
      `/servicePrincipals(appId='00000003-0000-0000-c000-000000000000')/appRoleAssignedTo?$filter=principalId eq '${app.spId}'`,
    );
    expect((onGraph.body.value as { id: string }[]).map((a) => a.id)).toEqual([first.body.id]);
    const unknownRole = await assign(
      t.sb,
      t.admin,
      GRAPH_SP,
      app.spId,
      "00000000-1111-4222-8333-444444444444",
    );
    expect(unknownRole.status).toBe(400);
    const removeFirst = () =>
      graph(t.sb, t.admin, "DELETE", `/servicePrincipals/${GRAPH_SP}/appRoleAssignedTo/${first.body.id}`);
    expect((await removeFirst()).status).toBe(204);
    expect((await removeFirst()).status).toBe(404);
    const viaPrincipalPath = `/servicePrincipals/${app.spId}/appRoleAssignments/${viaPrincipal.body.id}`;
    expect((await graph(t.sb, t.admin, "DELETE", viaPrincipalPath)).status).toBe(204);
  });

  it("needs Global or Privileged Role Administrator for Microsoft Graph roles; App Admin may grant others", async () => {
    const app = await registerApp(t.sb, t.admin);
    const appAdmin = await userToken(t.sb, APP_ADMIN);
    const pra = await userToken(t.sb, PRA);
    const denied = await assign(t.sb, appAdmin, GRAPH_SP, app.spId, MAIL_READWRITE);
    expect(denied.status).toBe(403);
    expect(errorOf(denied)).toMatchObject({
      code: "Authorization_RequestDenied",
      message: "Insufficient privileges to complete the operation.",
    });
    expect((await assign(t.sb, appAdmin, EXO_SP, app.spId, FULL_ACCESS_AS_APP)).status).toBe(201);
    expect((await assign(t.sb, pra, GRAPH_SP, app.spId, MAIL_READWRITE)).status).toBe(201);
  });

  it("denies a token without AppRoleAssignment.ReadWrite.All even for a Global Administrator", async () => {
    const app = await registerApp(t.sb, t.admin);
    const narrow = await userToken(
      t.sb,
      ADMIN,
      "https://graph.microsoft.com/Application.ReadWrite.All openid",
    );
    expect((await assign(t.sb, narrow, GRAPH_SP, app.spId, MAIL_READWRITE)).status).toBe(403);
    // Microsoft's table (serviceprincipal-post-approleassignedto) names AppRoleAssignment.ReadWrite.All for
    // every resource, so Application.ReadWrite.All alone is refused for Exchange's roles too.
    expect((await assign(t.sb, narrow, EXO_SP, app.spId, FULL_ACCESS_AS_APP)).status).toBe(403);
  });
});
