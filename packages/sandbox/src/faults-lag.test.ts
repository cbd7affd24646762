import { describe, expect, it } from "vitest";
import { ADMIN, boot, errorOf, graph, hook, upsertServicePrincipal, userToken } from "./test/harness.js";
import { GRAPH_SP } from "./test/ids.js";
import { useSandbox } from "./test/suite.js";

// The directory's clock runs ahead of the wall clock by `ahead`: the test lets the lag pass by moving
// it, never by sleeping, so a slow (loaded) machine cannot outrun the lag before the first reads.
let ahead = 0;
const t = useSandbox({ reset: "all", now: () => Date.now() + ahead });
const LAG_MS = 60_000;
const letLagPass = () => {
  ahead += LAG_MS + 1;
};

describe("replication lag", () => {
  it("hides new objects from reads and references until the lag has passed", async () => {
    await hook(t.sb, "faults", { spec: `lag=${LAG_MS}` });
    const app = await graph(t.sb, t.admin, "POST", "/applications", { displayName: "lagging" });
    expect(app.status).toBe(201);
    expect((await graph(t.sb, t.admin, "GET", `/applications/${app.body.id}`)).status).toBe(404);
    expect(
      errorOf(await graph(t.sb, t.admin, "POST", `/applications/${app.body.id}/addPassword`, {})).code,
    ).toBe("Request_ResourceNotFound");
    expect((await graph(t.sb, t.admin, "GET", "/applications")).body.value).toEqual([]);
    const sp = await upsertServicePrincipal(t.sb, t.admin, app.body.appId);
    expect(sp.status).toBe(400);
    expect(errorOf(sp).details?.[0]?.code).toBe("NoBackingApplicationObject");

    letLagPass();
    const created = await upsertServicePrincipal(t.sb, t.admin, app.body.appId);
    expect(created.status).toBe(201);
    const early = await graph(t.sb, t.admin, "POST", `/servicePrincipals/${GRAPH_SP}/appRoleAssignedTo`, {
      principalId: created.body.id,
      resourceId: GRAPH_SP,
      appRoleId: "e2a3a72e-5f79-4c64-b1b1-878b674786c9",
    });
    expect(early.status).toBe(400);
    expect(errorOf(early).message).toBe("Not a valid reference update.");
    const grant = await graph(t.sb, t.admin, "POST", "/oauth2PermissionGrants", {
      clientId: created.body.id,
      consentType: "AllPrincipals",
      resourceId: GRAPH_SP,
      scope: "User.Read",
    });
    expect(grant.status).toBe(400);

    letLagPass();
    const later = await graph(t.sb, t.admin, "POST", `/servicePrincipals/${GRAPH_SP}/appRoleAssignedTo`, {
      principalId: created.body.id,
      resourceId: GRAPH_SP,
      appRoleId: "e2a3a72e-5f79-4c64-b1b1-878b674786c9",
    });
    expect(later.status).toBe(201);
  });
});

describe("determinism", () => {
  it("gives the same faults for the same seed and request order", async () => {
    const statuses = async (seed: number) => {
      const other = await boot({ faults: "throttle=0.3,unavailable=0.2", seed });
      try {
        const token = await userToken(other, ADMIN).catch(() => "");
        const out: number[] = [];
        for (let i = 0; i < 25; i++) out.push((await graph(other, token, "GET", "/organization")).status);
        return out;
      } finally {
        await other.stop();
      }
    };
    const a = await statuses(11);
    expect(await statuses(11)).toEqual(a);
    expect(a.some((s) => s === 429)).toBe(true);
    expect(a.some((s) => s === 503)).toBe(true);
    expect(await statuses(12)).not.toEqual(a);
  });
});
