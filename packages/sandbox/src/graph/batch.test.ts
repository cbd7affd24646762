import { describe, expect, it } from "vitest";
import { APP_ADMIN, graph, hook, registerApp, userToken } from "../test/harness.js";
import { EXO_SP, GRAPH_SP } from "../test/ids.js";
import { useSandbox } from "../test/suite.js";

const t = useSandbox({ reset: "tenant" });

type Sub = { id: string; status: number; headers: Record<string, string>; body?: Record<string, unknown> };
const batch = async (token: string, requests: unknown[]) => {
  const res = await graph(t.sb, token, "POST", "/$batch", { requests });
  return { status: res.status, responses: (res.body.responses ?? []) as Sub[], body: res.body };
};
const json = { "Content-Type": "application/json" };

describe("$batch", () => {
  it("runs sub-requests, honours dependsOn and fails dependents of a failure with 424", async () => {
    const app = await registerApp(t.sb, t.admin);
    const out = await batch(t.admin, [
      { id: "1", method: "GET", url: "/organization" },
      {
        id: "2",
        method: "GET",
        url: `/servicePrincipals(appId='00000003-0000-0000-c000-000000000000')?$select=id`,
      },
      { id: "3", method: "GET", url: "/applications/00000000-0000-0000-0000-00000000dead" },
      {
        id: "4",
        method: "PATCH",
        url: `/applications/${app.id}`,
        headers: json,
        body: { notes: "never" },
        dependsOn: ["3"],
      },
      {
        id: "5",
        method: "PATCH",
        url: `/applications/${app.id}`,
        headers: json,
        body: { notes: "done" },
        dependsOn: ["2"],
      },
      { id: "6", method: "GET", url: `/applications/${app.id}?$select=notes`, dependsOn: ["5"] },
    ]);
    expect(out.status).toBe(200);
    expect(out.responses.map((r) => [r.id, r.status])).toEqual([
      ["1", 200],
      ["2", 200],
      ["3", 404],
      ["4", 424],
      ["5", 204],
      ["6", 200],
    ]);
    expect(out.responses[2]?.body).toMatchObject({ error: { code: "Request_ResourceNotFound" } });
    expect(out.responses[5]?.body).toMatchObject({ notes: "done" });
    const stats = await hook(t.sb, "stats");
    expect(stats.batchSubRequests).toMatchObject({ "PATCH /v1.0/applications/{id}": 2 });
  });

  it("rejects more than 20 requests, duplicate ids and unknown dependencies with 400", async () => {
    const many = Array.from({ length: 21 }, (_, i) => ({
      id: String(i),
      method: "GET",
      url: "/organization",
    }));
    const tooMany = await batch(t.admin, many);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toMatchObject({ error: { code: "BadRequest" } });
    expect((await batch(t.admin, many.slice(0, 20))).responses).toHaveLength(20);
    expect(
      (
        await batch(t.admin, [
          { id: "1", method: "GET", url: "/me" },
          { id: "1", method: "GET", url: "/me" },
        ])
      ).status,
    ).toBe(400);
    expect((await batch(t.admin, [{ id: "1", method: "GET", url: "/me", dependsOn: ["9"] }])).status).toBe(
      400,
    );
  });

  it("authorizes each sub-request on its own", async () => {
    const app = await registerApp(t.sb, t.admin);
    const appAdmin = await userToken(t.sb, APP_ADMIN);
    const out = await batch(appAdmin, [
      {
        id: "g",
        method: "POST",
        url: `/servicePrincipals/${GRAPH_SP}/appRoleAssignedTo`,
        headers: json,
        body: {
          principalId: app.spId,
          resourceId: GRAPH_SP,
          appRoleId: "e2a3a72e-5f79-4c64-b1b1-878b674786c9",
        },
      },
      {
        id: "x",
        method: "POST",
        url: `/servicePrincipals/${EXO_SP}/appRoleAssignedTo`,
        headers: json,
        body: {
          principalId: app.spId,
          resourceId: EXO_SP,
          appRoleId: "dc890d15-9560-4a4c-9b7f-a736ec74ec40",
        },
      },
    ]);
    expect(out.responses.map((r) => r.status)).toEqual([403, 201]);
    expect(out.responses[0]?.body).toMatchObject({ error: { code: "Authorization_RequestDenied" } });
  });

  it("needs a Content-Type for a body and refuses nested batches", async () => {
    const out = await batch(t.admin, [
      { id: "1", method: "POST", url: "/applications", body: { displayName: "no header" } },
      { id: "2", method: "POST", url: "/$batch", headers: json, body: { requests: [] } },
    ]);
    expect(out.responses.map((r) => r.status)).toEqual([400, 400]);
  });
});
