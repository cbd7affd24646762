import { describe, expect, it } from "vitest";
import { consentCounts } from "./consent-counts.js";
import { describeAction } from "./describe.js";
import type { ObservedTenant } from "./model.js";
import { plan } from "./plan.js";
import { desiredOf, emptyTenant, NOW, resourcesFor, simulateApply, TABLE_1 } from "./test-fixtures.js";

const fresh = (): ObservedTenant => emptyTenant(resourcesFor(TABLE_1));
const complete = (): ObservedTenant => simulateApply(plan(desiredOf(TABLE_1), fresh(), NOW), fresh(), NOW);

describe("consentCounts", () => {
  it("a tenant without the app: nothing declared or consented, every consent action missing", () => {
    const planned = plan(desiredOf(TABLE_1), fresh(), NOW);
    const counts = consentCounts(fresh(), planned);
    expect(counts.declared).toBe(0);
    expect(counts.consented).toBe(0);
    const consent = planned.actions.filter((a) => a.type === "assign-app-role" || a.type === "create-grant");
    expect(counts.missing).toEqual(consent.map(describeAction));
    expect(counts.missing).toHaveLength(23);
  });

  it("a complete app: all 26 declared and consented, nothing missing", () => {
    const tenant = complete();
    expect(consentCounts(tenant, plan(desiredOf(TABLE_1), tenant, NOW))).toEqual({
      declared: 26,
      consented: 26,
      missing: [],
    });
  });

  it("declared but consent revoked: counts the declarations, lists the consent to give", () => {
    const tenant = { ...complete(), assignments: [], grants: [] };
    const counts = consentCounts(tenant, plan(desiredOf(TABLE_1), tenant, NOW));
    expect(counts).toMatchObject({ declared: 26, consented: 0 });
    expect(counts.missing).toHaveLength(23);
  });
});
