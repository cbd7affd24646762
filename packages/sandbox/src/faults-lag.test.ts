import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningSandbox } from "./sandbox.js";
import { ADMIN, boot, errorOf, graph, hook, userToken } from "./test/harness.js";

const GRAPH_SP = "b0000001-0000-4000-8000-000000000001";

let sb: RunningSandbox;
let admin: string;
beforeAll(async () => {
  sb = await boot();
  admin = await userToken(sb, ADMIN);
});
beforeEach(async () => {
  await hook(sb, "faults", { spec: "" });
  await hook(sb, "reset", {});
  await hook(sb, "stats/reset", {});
});
afterAll(() => sb.stop());

describe("replication lag", () => {
  it("hides new objects from reads and references until the lag has passed", async () => {
    await hook(sb, "faults", { spec: "lag=800" });
    const app = await graph(sb, admin, "POST", "/applications", { displayName: "lagging" });
    expect(app.status).toBe(201);
    expect((await graph(sb, admin, "GET", `/applications/${app.body.id}`)).status).toBe(404);
    expect(errorOf(await graph(sb, admin, "POST", `/applications/${app.body.id}/addPassword`, {})).code).toBe(
      "Request_ResourceNotFound",
    );
    expect((await graph(sb, admin, "GET", "/applications")).body.value).toEqual([]);
    const sp = await graph(
      sb,
      admin,
      "PATCH",
      `/servicePrincipals(appId='${app.body.appId}')`,
      {},
      { Prefer: "create-if-missing" },
    );
    expect(sp.status).toBe(400);
    expect(errorOf(sp).details?.[0]?.code).toBe("NoBackingApplicationObject");

    await new Promise((r) => setTimeout(r, 850));
    const created = await graph(
      sb,
      admin,
      "PATCH",
      `/servicePrincipals(appId='${app.body.appId}')`,
      {},
      { Prefer: "create-if-missing" },
    );
    expect(created.status).toBe(201);
    const early = await graph(sb, admin, "POST", `/servicePrincipals/${GRAPH_SP}/appRoleAssignedTo`, {
      principalId: created.body.id,
      resourceId: GRAPH_SP,
      appRoleId: "e2a3a72e-5f79-4c64-b1b1-878b674786c9",
    });
    expect(early.status).toBe(400);
    expect(errorOf(early).message).toBe("Not a valid reference update.");
    const grant = await graph(sb, admin, "POST", "/oauth2PermissionGrants", {
      clientId: created.body.id,
      consentType: "AllPrincipals",
      resourceId: GRAPH_SP,
      scope: "User.Read",
    });
    expect(grant.status).toBe(400);

    await new Promise((r) => setTimeout(r, 850));
    const later = await graph(sb, admin, "POST", `/servicePrincipals/${GRAPH_SP}/appRoleAssignedTo`, {
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
