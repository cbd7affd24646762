import { describe, expect, it } from "vitest";
import { isRetired } from "../catalog/advisories.js";
import { isCoreError } from "../errors.js";
import { boxafeProfile } from "../profiles/boxafe.js";
import { desired, desiredFrom } from "./desired.js";
import type { DesiredOptions } from "./model.js";
import { NOW, TABLE_1 } from "./test-fixtures.js";

const base: DesiredOptions = {
  appKey: { uniqueName: "boxafe-connect-qnap-boxafe" },
  displayName: " QNAP Boxafe ",
  secret: { displayName: "2026-11", lifetimeDays: 180, renewWithinDays: 30 },
};

function fieldOf(options: DesiredOptions): string | undefined {
  try {
    desiredFrom(TABLE_1, options, NOW);
  } catch (error) {
    if (isCoreError(error) && error.code === "invalid_input") return error.field;
    throw error;
  }
  return undefined;
}

describe("desiredFrom", () => {
  it("normalizes the options and marks our secret's name", () => {
    const d = desiredFrom([...TABLE_1, ...TABLE_1], base, NOW);
    expect(d.displayName).toBe("QNAP Boxafe");
    expect(d.signInAudience).toBe("AzureADMyOrg");
    expect(d.permissions).toHaveLength(26);
    expect(d.removeExtra).toBe(false);
    expect(d.secret?.displayName).toBe("boxafe-connect 2026-11");
    expect(
      desiredFrom(TABLE_1, { ...base, appKey: { appId: " 11111111-2222-4333-8444-55555555555A " } }, NOW)
        .appKey,
    ).toEqual({
      appId: "11111111-2222-4333-8444-55555555555a",
    });
  });

  it("names the bad field", () => {
    expect(fieldOf({ ...base, displayName: "  " })).toBe("displayName");
    expect(fieldOf({ ...base, appKey: { appId: "not-a-guid" } })).toBe("appId");
    expect(fieldOf({ ...base, appKey: { uniqueName: "it's" } })).toBe("uniqueName");
    expect(fieldOf({ ...base, secret: { displayName: "x", lifetimeDays: 0, renewWithinDays: 0 } })).toBe(
      "secret.lifetimeDays",
    );
    expect(fieldOf({ ...base, secret: { displayName: "x", lifetimeDays: 731, renewWithinDays: 0 } })).toBe(
      "secret.lifetimeDays",
    );
    expect(fieldOf({ ...base, secret: { displayName: "x", lifetimeDays: 90, renewWithinDays: 90 } })).toBe(
      "secret.renewWithinDays",
    );
    const cert = {
      displayName: "CN=x",
      derBase64: "MIIB",
      thumbprint: "a1".repeat(20),
      endDateTime: "2027-01-01T00:00:00Z",
    };
    expect(fieldOf({ ...base, certificate: cert })).toBeUndefined();
    expect(fieldOf({ ...base, certificate: { ...cert, thumbprint: "abc" } })).toBe("certificate.thumbprint");
    expect(fieldOf({ ...base, certificate: { ...cert, derBase64: "not base64!" } })).toBe(
      "certificate.derBase64",
    );
    expect(fieldOf({ ...base, certificate: { ...cert, endDateTime: "2026-01-01T00:00:00Z" } })).toBe(
      "certificate.endDateTime",
    );
  });

  it("upper-cases the thumbprint so plan compares it reliably", () => {
    const cert = {
      displayName: "CN=x",
      derBase64: "MIIB",
      thumbprint: `${"a1:".repeat(19)}a1`,
      endDateTime: "2027-01-01T00:00:00Z",
    };
    expect(desiredFrom(TABLE_1, { ...base, certificate: cert }, NOW).certificate?.thumbprint).toBe(
      "A1".repeat(20),
    );
  });
});

describe("desired", () => {
  it("resolves the boxafe profile to Table 1 (26 permissions with catalog GUIDs)", () => {
    const d = desired(boxafeProfile, base, NOW);
    expect(d.permissions).toHaveLength(26);
    expect(d.permissions).toEqual(TABLE_1);
  });

  it("leaves out retired permissions when asked", () => {
    const d = desired(boxafeProfile, { ...base, skipRetired: true }, NOW);
    expect(d.permissions.length).toBeLessThan(26);
    expect(d.permissions.some((p) => isRetired(p))).toBe(false);
    expect(TABLE_1.filter((p) => isRetired(p)).length + d.permissions.length).toBe(26);
  });

  it("throws unknown_permission naming the profile field", () => {
    const profile = {
      name: "partner",
      permissions: [
        { resource: "microsoft-graph" as const, kind: "application" as const, value: "No.Such.Permission" },
      ],
    };
    try {
      desired(profile, base, NOW);
      expect.unreachable();
    } catch (error) {
      expect(isCoreError(error) && [error.code, error.field]).toEqual([
        "unknown_permission",
        "permissions[0]",
      ]);
    }
  });
});
