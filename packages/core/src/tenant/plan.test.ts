import { describe, expect, it } from "vitest";
import { resourceAppId } from "./catalog-link.js";
import type { Action, Desired, ObservedTenant, Plan } from "./model.js";
import { plan } from "./plan.js";
import { flattenAccess, groupAccess } from "./required-access.js";
import { DAY, desiredOf, emptyTenant, NOW, resourcesFor, simulateApply, TABLE_1 } from "./test-fixtures.js";

const fresh = (): ObservedTenant => emptyTenant(resourcesFor(TABLE_1));
const ofType = <T extends Action["type"]>(p: Plan, type: T) =>
  p.actions.filter((a): a is Extract<Action, { type: T }> => a.type === type);
const types = (p: Plan) => p.actions.map((a) => a.type);
/** A tenant where the fresh plan has been carried out perfectly. */
const complete = (desired: Desired = desiredOf(TABLE_1)): ObservedTenant =>
  simulateApply(plan(desired, fresh(), NOW), fresh(), NOW);

function expectNoDuplicates(p: Plan): void {
  const keys = p.actions.map((a) => JSON.stringify(a));
  expect(new Set(keys).size).toBe(keys.length);
}

describe("plan: fresh tenant", () => {
  const p = plan(desiredOf(TABLE_1), fresh(), NOW);

  it("registers the app, its service principal and a secret, then consents everything", () => {
    expect(types(p).slice(0, 3)).toEqual(["upsert-application", "upsert-service-principal", "add-password"]);
    expect(ofType(p, "assign-app-role")).toHaveLength(20);
    expect(ofType(p, "create-grant")).toHaveLength(3);
    expect(p.actions).toHaveLength(26);
    expectNoDuplicates(p);
  });

  it("declares all 26 permissions grouped by resourceAppId, Role for application and Scope for delegated", () => {
    const [app] = ofType(p, "upsert-application");
    expect(app?.appKey).toEqual({ uniqueName: "boxafe-connect-qnap-boxafe" });
    expect(app?.displayName).toBe("QNAP Boxafe");
    const groups = app?.requiredResourceAccess ?? [];
    expect(groups.map((g) => g.resourceAppId).sort()).toEqual(
      (["azure-ad-graph", "exchange-online", "microsoft-graph", "onenote", "sharepoint"] as const)
        .map(resourceAppId)
        .sort(),
    );
    const graph = groups.find((g) => g.resourceAppId === resourceAppId("microsoft-graph"));
    expect(graph?.resourceAccess.filter((a) => a.type === "Role")).toHaveLength(10);
    expect(graph?.resourceAccess.filter((a) => a.type === "Scope")).toHaveLength(4);
    const exo = groups.find((g) => g.resourceAppId === resourceAppId("exchange-online"));
    expect(exo?.resourceAccess).toHaveLength(7);
    for (const entry of TABLE_1) {
      const group = groups.find((g) => g.resourceAppId === resourceAppId(entry.resource));
      expect(group?.resourceAccess).toContainEqual({
        id: entry.id,
        type: entry.kind === "application" ? "Role" : "Scope",
      });
    }
    expect(groups.reduce((n, g) => n + g.resourceAccess.length, 0)).toBe(26);
  });

  it("creates exactly three grants with sorted, deterministic scope strings", () => {
    expect(ofType(p, "create-grant")).toEqual([
      { type: "create-grant", resource: "azure-ad-graph", scope: "User.Read" },
      { type: "create-grant", resource: "exchange-online", scope: "EWS.AccessAsUser.All" },
      {
        type: "create-grant",
        resource: "microsoft-graph",
        scope: "openid Group.ReadWrite.All User.Read User.ReadWrite.All",
      },
    ]);
    const shuffled = plan(desiredOf([...TABLE_1].reverse()), fresh(), NOW);
    expect(
      ofType(shuffled, "create-grant")
        .map((g) => g.scope)
        .sort(),
    ).toEqual(
      ofType(p, "create-grant")
        .map((g) => g.scope)
        .sort(),
    );
  });

  it("assigns each app role with the resource's id and dates the secret from now", () => {
    const assigned = ofType(p, "assign-app-role");
    const exoMail = TABLE_1.find((e) => e.resource === "exchange-online" && e.value === "Mail.ReadWrite");
    expect(assigned).toContainEqual({
      type: "assign-app-role",
      resource: "exchange-online",
      value: "Mail.ReadWrite",
      appRoleId: exoMail?.id,
    });
    expect(assigned).toContainEqual({
      type: "assign-app-role",
      resource: "exchange-online",
      value: "full_access_as_app",
      appRoleId: "dc890d15-9560-4a4c-9b7f-a736ec74ec40",
    });
    expect(ofType(p, "add-password")[0]?.endDateTime).toBe(new Date(NOW + 180 * DAY).toISOString());
  });

  it("reports no findings on a clean tenant", () => {
    expect(p.findings).toEqual([]);
  });
});

describe("plan: already complete tenant", () => {
  it("has nothing to do and nothing to report", () => {
    expect(plan(desiredOf(TABLE_1), complete(), NOW)).toEqual({ actions: [], findings: [] });
  });

  it("compares requiredResourceAccess without regard to order, grouping or GUID case", () => {
    const tenant = complete();
    const app = tenant.application;
    if (app === undefined) throw new Error("fixture");
    const entries = flattenAccess(app.requiredResourceAccess).reverse();
    const split = [
      ...groupAccess(entries.slice(0, 13)),
      ...groupAccess(entries.slice(13).map((e) => ({ ...e, id: e.id.toUpperCase() }))),
    ];
    const shuffled = { ...tenant, application: { ...app, requiredResourceAccess: split } };
    expect(plan(desiredOf(TABLE_1), shuffled, NOW).actions).toEqual([]);
  });
});

describe("plan: an app that exists with some permissions", () => {
  const graphRoles = TABLE_1.filter(
    (e) => e.resource === "microsoft-graph" && e.kind === "application",
  ).slice(0, 4);
  const openid = TABLE_1.filter(
    (e) => e.resource === "microsoft-graph" && ["openid", "User.Read"].includes(e.value),
  );
  const partial = (): ObservedTenant => {
    const start = desiredOf([...graphRoles, ...openid]);
    return simulateApply(plan(start, fresh(), NOW), fresh(), NOW);
  };

  it("widens the declaration and consents only what is missing", () => {
    const p = plan(desiredOf(TABLE_1), partial(), NOW);
    expect(types(p)).not.toContain("upsert-service-principal");
    expect(types(p)).not.toContain("add-password");
    expect(
      ofType(p, "upsert-application")[0]?.requiredResourceAccess.flatMap((g) => g.resourceAccess),
    ).toHaveLength(26);
    expect(ofType(p, "assign-app-role")).toHaveLength(16);
    expect(ofType(p, "assign-app-role").map((a) => a.value)).not.toContain(graphRoles[0]?.value);
    expect(ofType(p, "create-grant").map((g) => g.resource)).toEqual(["azure-ad-graph", "exchange-online"]);
    const [update] = ofType(p, "update-grant");
    expect(update).toMatchObject({
      resource: "microsoft-graph",
      scope: "openid Group.ReadWrite.All User.Read User.ReadWrite.All",
      previousScope: "openid User.Read",
    });
    expectNoDuplicates(p);
  });

  it("converges: applying the plan leaves nothing to do", () => {
    const before = partial();
    const after = simulateApply(plan(desiredOf(TABLE_1), before, NOW), before, NOW);
    expect(plan(desiredOf(TABLE_1), after, NOW).actions).toEqual([]);
    expect(after.grants).toHaveLength(3);
  });
});
