import { describe, expect, it } from "vitest";
import type { ObservedApplication, PasswordCredential } from "../tenant/model.js";
import { credentialRows, EXPIRY_WARNING_DAYS, expiryWarning } from "./credential-rows.js";

const NOW = Date.UTC(2026, 11, 2, 12, 0, 0);
const DAY_MS = 86_400_000;
const at = (ms: number) => new Date(ms).toISOString();

function secret(
  keyId: string,
  endMs: number,
  displayName: string | null = "boxafe-connect Boxafe",
): PasswordCredential {
  return { keyId, displayName, startDateTime: at(NOW - 100 * DAY_MS), endDateTime: at(endMs) };
}

function app(passwords: readonly PasswordCredential[]): ObservedApplication {
  return {
    id: "object-1",
    appId: "app-1",
    uniqueName: null,
    displayName: "QNAP Boxafe",
    signInAudience: "AzureADMyOrg",
    requiredResourceAccess: [],
    passwordCredentials: passwords,
    keyCredentials: [],
  };
}

/** The warning of a secret ending `ms` from now. */
const warningIn = (ms: number) => credentialRows(app([secret("k", NOW + ms)]), NOW)[0]?.warning;

describe("expiry warnings at 60, 30 and 7 days", () => {
  it("names the thresholds it warns at", () => {
    expect(EXPIRY_WARNING_DAYS).toEqual([60, 30, 7]);
  });

  it.each([
    [61, null],
    [60, "60-days"],
    [31, "60-days"],
    [30, "30-days"],
    [8, "30-days"],
    [7, "7-days"],
    [0, "7-days"],
  ] as const)("%i whole days left: %s", (days, warning) => {
    expect(expiryWarning(days, false)).toBe(warning);
  });

  it("says expired over any number of days", () => {
    expect(expiryWarning(30, true)).toBe("expired");
  });

  it("counts whole days left: 60 days and 23 hours still warns, 61 days does not", () => {
    expect(warningIn(60 * DAY_MS + 3_600_000)).toBe("60-days");
    expect(warningIn(61 * DAY_MS - 1)).toBe("60-days");
    expect(warningIn(61 * DAY_MS)).toBeNull();
    expect(warningIn(30 * DAY_MS + 1)).toBe("30-days");
    expect(warningIn(8 * DAY_MS - 1)).toBe("7-days");
    expect(warningIn(1)).toBe("7-days");
  });

  it("is expired at its end time and after, and when the end date cannot be read", () => {
    expect(warningIn(0)).toBe("expired");
    const [past] = credentialRows(app([secret("old", NOW - 3 * DAY_MS)]), NOW);
    expect(past).toMatchObject({ expired: true, warning: "expired", daysLeft: -3 });
    const [garbled] = credentialRows(app([{ ...secret("bad", NOW), endDateTime: "soon" }]), NOW);
    expect(garbled).toMatchObject({ expired: true, warning: "expired", daysLeft: 0 });
  });
});

describe("credentialRows", () => {
  it("lists soonest-ending first, with whose each one is", () => {
    const rows = credentialRows(
      app([secret("late", NOW + 200 * DAY_MS), secret("soon", NOW + 5 * DAY_MS, "ops team")]),
      NOW,
    );
    expect(rows.map((r) => [r.keyId, r.daysLeft, r.warning, r.madeByBoxafeConnect])).toEqual([
      ["soon", 5, "7-days", false],
      ["late", 200, null, true],
    ]);
  });
});
