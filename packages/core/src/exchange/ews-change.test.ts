import { describe, expect, it } from "vitest";
import { planEwsAllow } from "./ews-change.js";
import type { EwsPolicy } from "./ews-policy.js";

const ME = "aaaaaaaa-0000-4000-8000-000000000001";
const OTHER = "bbbbbbbb-0000-4000-8000-000000000002";

function policy(p: Partial<EwsPolicy>): EwsPolicy {
  return {
    ewsEnabled: null,
    applicationAccessPolicy: null,
    allowList: null,
    blockList: null,
    allowedAppIds: null,
    ...p,
  };
}

describe("planEwsAllow (read-merge-write)", () => {
  it("turns EWS on with this app alone when it was off: nobody loses access", () => {
    const change = planEwsAllow(policy({ ewsEnabled: false }), ME);
    expect(change.write).toEqual({ EwsEnabled: true, EwsAllowedAppIDs: [ME] });
    expect(change.narrowsOthers).toBe(false);
    expect(change.effects.join(" ")).toContain("No app loses access");
  });

  it("treats an unset EwsEnabled as blocked (Microsoft switched $null to $false on 2026-10-01)", () => {
    const change = planEwsAllow(policy({ ewsEnabled: null }), ME);
    expect(change.narrowsOthers).toBe(false);
    expect(change.effects[0]).toContain("unset");
  });

  it("flags an empty list under EwsEnabled $true becoming this app alone: every other app would be blocked", () => {
    const change = planEwsAllow(policy({ ewsEnabled: true, allowedAppIds: [] }), ME);
    expect(change.write?.EwsAllowedAppIDs).toEqual([ME]);
    expect(change.narrowsOthers).toBe(true);
    expect(change.effects[0]).toContain("BLOCKS EVERY OTHER EWS APP");
    expect(planEwsAllow(policy({ ewsEnabled: true }), ME).narrowsOthers).toBe(true);
  });

  it("keeps every id already on the list and adds this app once", () => {
    const change = planEwsAllow(policy({ ewsEnabled: true, allowedAppIds: [OTHER] }), ME);
    expect(change.write?.EwsAllowedAppIDs).toEqual([OTHER, ME]);
    expect(change.narrowsOthers).toBe(false);
    const off = planEwsAllow(policy({ ewsEnabled: false, allowedAppIds: [OTHER, ME.toUpperCase()] }), ME);
    expect(off.write?.EwsAllowedAppIDs).toEqual([OTHER, ME.toUpperCase()]);
  });

  it("writes nothing when EWS is on and the app is listed", () => {
    const change = planEwsAllow(policy({ ewsEnabled: true, allowedAppIds: [OTHER, ME] }), ME);
    expect(change.write).toBeUndefined();
    expect(change.narrowsOthers).toBe(false);
  });
});
