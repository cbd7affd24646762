import { describe, expect, it } from "vitest";
import type { CredentialRow } from "../credentials/credential-rows.js";
import { suggestedBoxafeVersion } from "./suggested-version.js";

function row(over: Partial<CredentialRow>): CredentialRow {
  return {
    type: "secret",
    keyId: "k1",
    displayName: "Boxafe (boxafe-connect) abc-0",
    startDateTime: "2026-06-01T00:00:00Z",
    endDateTime: "2027-06-01T00:00:00Z",
    daysLeft: 182,
    expired: false,
    warning: null,
    madeByBoxafeConnect: true,
    unheld: false,
    ...over,
  };
}

describe("the suggested Boxafe version", () => {
  it("follows the app's own credentials", () => {
    expect(suggestedBoxafeVersion([row({})])).toBe("1.4");
    expect(suggestedBoxafeVersion([row({ type: "certificate" })])).toBe("1.5");
    expect(suggestedBoxafeVersion([row({}), row({ type: "certificate" })])).toBe("1.5");
    expect(suggestedBoxafeVersion([row({ madeByBoxafeConnect: false })])).toBe("1.5");
  });

  it("ignores expired credentials: an expired certificate beside a valid secret suggests 1.4", () => {
    expect(suggestedBoxafeVersion([row({}), row({ type: "certificate", expired: true })])).toBe("1.4");
    expect(suggestedBoxafeVersion([row({ expired: true })])).toBe("1.5");
    expect(suggestedBoxafeVersion([])).toBe("1.5");
  });
});
