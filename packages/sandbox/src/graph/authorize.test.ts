import { describe, expect, it } from "vitest";
import { ADMIN, assign, errorOf, form, graph, hook, registerApp, userToken } from "../test/harness.js";
import { GRAPH_SP, MAIL_READWRITE } from "../test/ids.js";
import { useSandbox } from "../test/suite.js";
import { permissionRow } from "./authorize.js";
import { PERMISSION_TABLE } from "./permission-table.js";

const t = useSandbox({ reset: "tenant" });
const G = "https://graph.microsoft.com";

/** A concrete path for a row's pattern (ids need not exist: the check comes before the lookup). */
function concrete(pattern: string): string {
  return pattern.replaceAll("{id}", "0e4b1a2c-1111-4222-8333-444444444444").replaceAll("{key}", "'x'");
}

async function appToken(secret: string, appId: string): Promise<string> {
  const res = await form(`${t.sb.url}/${t.sb.tenantId}/oauth2/v2.0/token`, {
    grant_type: "client_credentials",
    client_id: appId,
    client_secret: secret,
    scope: `${G}/.default`,
  });
  expect(res.status).toBe(200);
  return String(res.json.access_token);
}

describe("the permission table", () => {
  it("names a Microsoft page for every row and matches every path it lists", () => {
    for (const row of PERMISSION_TABLE) {
      expect(row.source).toMatch(/^https:\/\/learn\.microsoft\.com\/graph\/api\//);
      expect(row.delegated.length + row.application.length).toBeGreaterThan(0);
      for (const path of row.paths) expect(permissionRow(row.method, concrete(path))).toBe(row);
    }
    expect(permissionRow("GET", "/applications(uniqueName='qnap%20boxafe')")).toBeDefined();
    expect(permissionRow("GET", "/nothing")).toBeUndefined();
  });

  it("refuses every call, delegated and app-only, to a token holding none of its permissions", async () => {
    // Group.ReadWrite.All is in no row: an admin consents to it, yet it opens none of these calls.
    const unrelated = await userToken(t.sb, ADMIN, `${G}/Group.ReadWrite.All`);
    const app = await registerApp(t.sb, t.admin, "No roles");
    const bare = await appToken(app.secret, app.appId);
    for (const row of PERMISSION_TABLE) {
      for (const path of row.paths) {
        const body = row.method === "GET" || row.method === "DELETE" ? undefined : {};
        for (const [kind, token] of [
          ["delegated", unrelated],
          ["application", bare],
        ] as const) {
          if ((kind === "delegated" ? row.delegated : row.application).includes("none")) continue;
          const res = await graph(t.sb, token, row.method, concrete(path), body);
          expect({ kind, call: `${row.method} ${path}`, status: res.status }).toEqual({
            kind,
            call: `${row.method} ${path}`,
            status: 403,
          });
          expect(errorOf(res)).toMatchObject({
            code: "Authorization_RequestDenied",
            message: "Insufficient privileges to complete the operation.",
          });
        }
      }
    }
  });

  it("lets GET /organization through with User.Read and refuses the three write scopes (issue 12)", async () => {
    const writeOnly = await userToken(
      t.sb,
      ADMIN,
      `${G}/Application.ReadWrite.All ${G}/AppRoleAssignment.ReadWrite.All ${G}/DelegatedPermissionGrant.ReadWrite.All`,
    );
    expect((await graph(t.sb, writeOnly, "GET", "/organization")).status).toBe(403);
    // That sign-in left an AllPrincipals grant; start again so the next token holds User.Read alone.
    await hook(t.sb, "reset", {});
    const userRead = await userToken(t.sb, ADMIN, `${G}/User.Read`);
    expect((await graph(t.sb, userRead, "GET", "/organization")).status).toBe(200);
    expect((await graph(t.sb, userRead, "GET", "/me")).status).toBe(200);
    // User.Read opens nothing in the directory.
    expect((await graph(t.sb, userRead, "GET", "/servicePrincipals")).status).toBe(403);
  });

  it("needs both halves of 'AppRoleAssignment.ReadWrite.All and Application.Read.All' to grant a role", async () => {
    const app = await registerApp(t.sb, t.admin);
    const half = await userToken(t.sb, ADMIN, `${G}/AppRoleAssignment.ReadWrite.All`);
    expect((await assign(t.sb, half, GRAPH_SP, app.spId, MAIL_READWRITE)).status).toBe(403);
    const both = await userToken(
      t.sb,
      ADMIN,
      `${G}/AppRoleAssignment.ReadWrite.All ${G}/Application.Read.All`,
    );
    expect((await assign(t.sb, both, GRAPH_SP, app.spId, MAIL_READWRITE)).status).toBe(201);
    // Application.ReadWrite.All includes the read half (as real tools rely on).
    const readWrite = await userToken(
      t.sb,
      ADMIN,
      `${G}/AppRoleAssignment.ReadWrite.All ${G}/Application.ReadWrite.All`,
    );
    const again = await assign(t.sb, readWrite, GRAPH_SP, app.spId, "19dbc75e-c2e2-444c-a770-ec69d8559fc7");
    expect(again.status).toBe(201);
  });

  it("checks each $batch sub-request on its own", async () => {
    const userRead = await userToken(t.sb, ADMIN, `${G}/User.Read`);
    const res = await graph(t.sb, userRead, "POST", "/$batch", {
      requests: [
        { id: "1", method: "GET", url: "/organization?$select=id" },
        { id: "2", method: "GET", url: "/applications" },
      ],
    });
    const statuses = (res.body.responses as { id: string; status: number }[]).map((r) => [r.id, r.status]);
    expect(statuses.sort()).toEqual([
      ["1", 200],
      ["2", 403],
    ]);
  });
});
