import { describe, expect, it } from "vitest";
import { ONENOTE_APP_ID } from "../store/seed-ids.js";
import { errorOf, form, graph, registerApp, USER, userToken } from "../test/harness.js";
import { useSandbox } from "../test/suite.js";

const t = useSandbox({ reset: "tenant", absentResources: ["onenote", "aadgraph"] });

describe("first-party service principals on demand", () => {
  it("creates OneNote's service principal with its real app roles for POST /servicePrincipals {appId}", async () => {
    const before = await graph(t.sb, t.admin, "GET", `/servicePrincipals(appId='${ONENOTE_APP_ID}')`);
    expect(before.status).toBe(404);
    const created = await graph(t.sb, t.admin, "POST", "/servicePrincipals", { appId: ONENOTE_APP_ID });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ appId: ONENOTE_APP_ID, displayName: "OneNote" });
    expect(created.body.appOwnerOrganizationId).not.toBe(t.sb.tenantId);
    const roles = (created.body.appRoles as { value: string }[]).map((r) => r.value);
    expect(roles).toContain("Notes.ReadWrite.All");
    const again = await graph(t.sb, t.admin, "POST", "/servicePrincipals", { appId: ONENOTE_APP_ID });
    expect(again.status).toBe(409);
  });

  it("refuses a token for a resource the tenant has no service principal for (AADSTS500011)", async () => {
    const app = await registerApp(t.sb, t.admin);
    const res = await form(`${t.sb.url}/${t.sb.tenantId}/oauth2/v2.0/token`, {
      grant_type: "client_credentials",
      client_id: app.appId,
      client_secret: app.secret,
      scope: "https://onenote.com/.default",
    });
    expect(res.json.error_codes).toEqual([500011]);
  });

  it("leaves it to administrators: a plain user gets 403, an unknown appId NoBackingApplicationObject", async () => {
    const user = await userToken(t.sb, USER);
    const denied = await graph(t.sb, user, "POST", "/servicePrincipals", { appId: ONENOTE_APP_ID });
    expect(denied.status).toBe(403);
    const unknown = await graph(t.sb, t.admin, "POST", "/servicePrincipals", {
      appId: "11111111-2222-4333-8444-555555555555",
    });
    expect(errorOf(unknown).details?.[0]?.code).toBe("NoBackingApplicationObject");
  });
});
