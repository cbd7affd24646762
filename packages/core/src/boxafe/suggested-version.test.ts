import { describe, expect, it } from "vitest";
import { credentialRow } from "../testing/index.js";
import { suggestedBoxafeVersion } from "./suggested-version.js";

const row = credentialRow;

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
