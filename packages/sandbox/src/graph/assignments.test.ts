import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../sandbox.js";
import {
  ADMIN,
  APP_ADMIN,
  boot,
  errorOf,
  graph,
  hook,
  PRA,
  registerApp,
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
