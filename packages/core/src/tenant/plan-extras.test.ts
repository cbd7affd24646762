import { describe, expect, it } from "vitest";
import type { Action, ObservedTenant, Plan } from "./model.js";
import { plan } from "./plan.js";
import {
  desiredOf,
  emptyTenant,
  NOW,
  permission,
  resourcesFor,
  SP_ID,
  simulateApply,
  spIdOf,
  TABLE_1,
} from "./test-fixtures.js";

const ofType = <T extends Action["type"]>(p: Plan, type: T) =>
  p.actions.filter((a): a is Extract<Action, { type: T }> => a.type === type);
const MAIL_SEND = permission(
  "microsoft-graph",
  "application",
  "Mail.Send",
  "b633e1c5-b582-4048-a93e-9f11b44c7e96",
);
const MAIL_READ = permission(
  "microsoft-graph",
  "delegated",
  "Mail.Read",
  "570282fd-fa5c-430d-a7fd-fc8dc98a9dca",
);

/** A complete tenant that also holds Graph Mail.Send (declared + consented) and delegated Mail.Read. */
function withExtras(): ObservedTenant {
  const resources = resourcesFor(TABLE_1, [MAIL_SEND, MAIL_READ]);
  const start = emptyTenant(resources);
  return simulateApply(plan(desiredOf([...TABLE_1, MAIL_SEND, MAIL_READ]), start, NOW), start, NOW);
}

describe("plan: extra permissions", () => {
  it("reports extras once each and keeps them by default (nothing to do)", () => {
    const p = plan(desiredOf(TABLE_1), withExtras(), NOW);
    expect(p.actions).toEqual([]);
    const extras = p.findings.filter((f) => f.kind === "extra-permission");
    expect(extras.map((f) => f.value).sort()).toEqual(["Mail.Read", "Mail.Send"]);
    const send = extras.find((f) => f.value === "Mail.Send");
    expect(send?.resource).toBe("microsoft-graph");
    expect(send?.message).toMatch(/declared and consented.*kept/);
  });

  it("with removeExtra: narrows the declaration, revokes the role and narrows the grant", () => {
    const tenant = withExtras();
    const p = plan(desiredOf(TABLE_1, { removeExtra: true }), tenant, NOW);
    const [app] = ofType(p, "upsert-application");
    const ids = app?.requiredResourceAccess.flatMap((g) => g.resourceAccess.map((a) => a.id)) ?? [];
    expect(ids).toHaveLength(26);
    expect(ids).not.toContain(MAIL_SEND.id);
    expect(ids).not.toContain(MAIL_READ.id);
    const held = tenant.assignments.find((a) => a.appRoleId === MAIL_SEND.id);
    expect(ofType(p, "remove-app-role-assignment")).toEqual([
      {
        type: "remove-app-role-assignment",
        resource: "microsoft-graph",
        value: "Mail.Send",
        assignmentId: held?.id,
      },
    ]);
    expect(ofType(p, "update-grant")).toEqual([
      expect.objectContaining({
        resource: "microsoft-graph",
        scope: "openid Group.ReadWrite.All User.Read User.ReadWrite.All",
        previousScope: "openid Group.ReadWrite.All Mail.Read User.Read User.ReadWrite.All",
      }),
    ]);
    expect(p.actions).toHaveLength(3);
    expect(p.findings.find((f) => f.value === "Mail.Send")?.message).toMatch(/will be removed/);
    const after = simulateApply(p, tenant, NOW);
    expect(plan(desiredOf(TABLE_1, { removeExtra: true }), after, NOW)).toEqual({
      actions: [],
      findings: [],
    });
  });

  it("reports a grant on a resource the profile asks nothing delegated of, without a bogus action", () => {
    const tenant = withExtras();
    const stray = {
      id: "g-stray",
      clientId: SP_ID,
      resourceId: spIdOf("sharepoint"),
      consentType: "AllPrincipals" as const,
      scope: "AllSites.Read",
    };
    const p = plan(
      desiredOf(TABLE_1, { removeExtra: true }),
      { ...tenant, grants: [...tenant.grants, stray] },
      NOW,
    );
    expect(ofType(p, "update-grant").map((g) => g.grantId)).not.toContain("g-stray");
    expect(p.findings.find((f) => f.value === "AllSites.Read")?.message).toMatch(
      /cannot be removed automatically/,
    );
  });
});

describe("plan: delegated grant holding part of the scopes", () => {
  const graphDelegated = TABLE_1.filter((e) => e.resource === "microsoft-graph" && e.kind === "delegated");
  function tenantWithGrant(scope: string): ObservedTenant {
    const complete = simulateApply(
      plan(desiredOf(TABLE_1), emptyTenant(resourcesFor(TABLE_1)), NOW),
      emptyTenant(resourcesFor(TABLE_1)),
      NOW,
    );
    return {
      ...complete,
      grants: complete.grants.map((g) =>
        g.resourceId === spIdOf("microsoft-graph") ? { ...g, id: "grant-graph", scope } : g,
      ),
    };
  }

  it("widens it with ONE update of the whole scope string and never creates a second grant", () => {
    const p = plan(desiredOf(TABLE_1), tenantWithGrant("User.Read openid"), NOW);
    expect(p.actions).toEqual([
      {
        type: "update-grant",
        resource: "microsoft-graph",
        grantId: "grant-graph",
        scope: "openid Group.ReadWrite.All User.Read User.ReadWrite.All",
        previousScope: "User.Read openid",
      },
    ]);
    expect(ofType(p, "create-grant")).toEqual([]);
    expect(
      p.findings
        .filter((f) => f.kind === "unconsented")
        .map((f) => f.value)
        .sort(),
    ).toEqual(["Group.ReadWrite.All", "User.ReadWrite.All"]);
    expect(graphDelegated).toHaveLength(4);
  });

  it("keeps unrelated scopes already granted unless removeExtra", () => {
    const kept = plan(desiredOf(TABLE_1), tenantWithGrant("openid Calendars.Read"), NOW);
    expect(ofType(kept, "update-grant")[0]?.scope).toBe(
      "openid Calendars.Read Group.ReadWrite.All User.Read User.ReadWrite.All",
    );
    const narrowed = plan(
      desiredOf(TABLE_1, { removeExtra: true }),
      tenantWithGrant("openid Calendars.Read"),
      NOW,
    );
    expect(ofType(narrowed, "update-grant")[0]?.scope).toBe(
      "openid Group.ReadWrite.All User.Read User.ReadWrite.All",
    );
  });

  it("leaves a grant with all scopes in another order alone", () => {
    const p = plan(
      desiredOf(TABLE_1),
      tenantWithGrant("User.ReadWrite.All  User.Read Group.ReadWrite.All openid"),
      NOW,
    );
    expect(p.actions).toEqual([]);
  });
});
