import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { seedDirectory } from "./store/seed.js";
import { ADMIN, boot, graph, hook, registerApp, userToken } from "./test/harness.js";
import { useSandbox } from "./test/suite.js";

const t = useSandbox();

describe("/_sandbox/stats", () => {
  it("counts requests by route, batch sub-requests apart, round trips and writes", async () => {
    await hook(t.sb, "stats/reset", {});
    await graph(t.sb, t.admin, "GET", "/organization");
    const app = await graph(t.sb, t.admin, "POST", "/applications", { displayName: "counted" });
    await graph(t.sb, t.admin, "POST", "/$batch", {
      requests: [
        { id: "1", method: "GET", url: `/applications/${app.body.id}` },
        {
          id: "2",
          method: "PATCH",
          url: `/applications/${app.body.id}`,
          headers: { "Content-Type": "application/json" },
          body: { notes: "n" },
        },
      ],
    });
    const stats = await hook(t.sb, "stats");
    expect(stats).toMatchObject({
      requests: 4,
      roundTrips: 3,
      writes: 2,
      byRoute: {
        "GET /v1.0/organization": 1,
        "POST /v1.0/applications": 1,
        "POST /v1.0/$batch": 1,
        "GET /_sandbox/stats": 1,
      },
      batchSubRequests: { "GET /v1.0/applications/{id}": 1, "PATCH /v1.0/applications/{id}": 1 },
      byStatus: { "200": 3, "201": 1, "204": 1 },
    });
    await hook(t.sb, "stats/reset", {});
    expect(await hook(t.sb, "stats")).toMatchObject({ requests: 1, roundTrips: 0, writes: 0 });
  });
});

describe("/_sandbox/state and reset", () => {
  it("shows the tenant in Graph's shapes and resets to the seed", async () => {
    const app = await registerApp(t.sb, t.admin);
    await graph(
      t.sb,
      t.admin,
      "POST",
      "/servicePrincipals/b0000001-0000-4000-8000-000000000001/appRoleAssignedTo",
      {
        principalId: app.spId,
        resourceId: "b0000001-0000-4000-8000-000000000001",
        appRoleId: "e2a3a72e-5f79-4c64-b1b1-878b674786c9",
      },
    );
    const state = (await hook(t.sb, "state")) as Record<string, { id?: string; appId?: string }[]> & {
      tenant: { id: string };
    };
    expect(state.tenant.id).toBe(t.sb.tenantId);
    expect(state.applications?.find((a) => a.appId === app.appId)).toMatchObject({
      requiredResourceAccess: [],
      passwordCredentials: [expect.objectContaining({ secretText: null })],
    });
    expect(state.servicePrincipals?.some((s) => s.id === app.spId)).toBe(true);
    expect(state.appRoleAssignments).toHaveLength(1);
    expect(JSON.stringify(state)).not.toContain(app.secret);
    await hook(t.sb, "reset", {});
    const fresh = (await hook(t.sb, "state")) as Record<string, unknown[]>;
    expect(fresh.applications).toEqual([]);
    // The five resources and the seeded first-party principals; nothing the test created.
    expect(fresh.servicePrincipals).toHaveLength(seedDirectory().servicePrincipals.length);
    expect(fresh.appRoleAssignments).toEqual([]);
    expect(fresh.users).toHaveLength(4);
  });
});

describe("state file", () => {
  it("persists the directory across restarts in a 0600 file", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "sbx-state-")), "tenant.json");
    const first = await boot({ stateFile: file });
    const token = await userToken(first, ADMIN);
    const app = await graph(first, token, "POST", "/applications", { displayName: "kept" });
    await first.stop();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = await boot({ stateFile: file });
    try {
      const again = await userToken(second, ADMIN);
      expect((await graph(second, again, "GET", `/applications/${app.body.id}`)).body.displayName).toBe(
        "kept",
      );
    } finally {
      await second.stop();
    }
  });
});
