import { describe, expect, it } from "vitest";
import FIRST_PARTY from "./fixtures/first-party-apps.gen.json" with { type: "json" };
import { seedDirectory } from "./seed.js";
import { GRAPH_SEED } from "./seed-resources.js";

/** Table 1's Microsoft Graph GUIDs (graph-facts.md 2.x), which the real service principal must carry. */
const TABLE_1_GRAPH_ROLES = {
  "Calendars.ReadWrite": "ef54d2bf-783f-4e0f-bca1-3210c0444d99",
  "Directory.ReadWrite.All": "19dbc75e-c2e2-444c-a770-ec69d8559fc7",
  "Files.ReadWrite.All": "75359482-378d-4052-8f01-80520e7db3cd",
  "Sites.FullControl.All": "a82116e5-55eb-4c41-a434-62fe8a61c773",
  "User.ReadWrite.All": "741f803b-c850-494e-b5df-cde7c675a1ca",
};

describe("the seed directory", () => {
  it("carries Microsoft Graph's real service principal: every role and scope of the public dump", () => {
    const graph = seedDirectory().servicePrincipals.find((s) => s.appId === GRAPH_SEED.appId);
    expect(graph?.appRoles.length).toBeGreaterThan(700);
    expect(graph?.oauth2PermissionScopes.length).toBeGreaterThan(800);
    for (const [value, id] of Object.entries(TABLE_1_GRAPH_ROLES)) {
      expect(graph?.appRoles.find((r) => r.value === value)?.id).toBe(id);
    }
    const role = graph?.appRoles.find((r) => r.value === "Mail.ReadWrite");
    expect(role?.description).toMatch(
      /^Allows the app to create, read, update, and delete mail in all mailboxes/,
    );
    expect(new Set(graph?.appRoles.map((r) => r.id)).size).toBe(graph?.appRoles.length);
  });

  it("seeds a few hundred first-party service principals owned by Microsoft, from the public list", () => {
    const sps = seedDirectory().servicePrincipals;
    expect(sps.length).toBeGreaterThanOrEqual(300);
    const apps = FIRST_PARTY.apps as [string, string, string][];
    const [appId, name] = apps[0] ?? ["", ""];
    expect(sps.find((s) => s.appId === appId)?.displayName).toBe(name);
    expect(new Set(sps.map((s) => s.appId)).size).toBe(sps.length);
    expect(new Set(sps.map((s) => s.id)).size).toBe(sps.length);
  });
});
