import { describe, expect, it } from "vitest";
import { hasLiveSecretOfOurs } from "./secrets.js";

const NOW = Date.parse("2026-01-01T00:00:00Z");
const secret = (displayName: string | null, endDateTime: string) => ({
  keyId: "k",
  displayName,
  startDateTime: "2025-01-01T00:00:00Z",
  endDateTime,
});

describe("hasLiveSecretOfOurs", () => {
  it("is true for an unexpired secret of ours", () => {
    expect(hasLiveSecretOfOurs([secret("boxafe-connect Boxafe", "2026-06-01T00:00:00Z")], NOW)).toBe(true);
  });

  it("is false for an expired one, someone else's, an unreadable date or none", () => {
    expect(hasLiveSecretOfOurs([secret("boxafe-connect Boxafe", "2025-12-31T00:00:00Z")], NOW)).toBe(false);
    expect(hasLiveSecretOfOurs([secret("made by hand", "2026-06-01T00:00:00Z")], NOW)).toBe(false);
    expect(hasLiveSecretOfOurs([secret(null, "2026-06-01T00:00:00Z")], NOW)).toBe(false);
    expect(hasLiveSecretOfOurs([secret("boxafe-connect", "not a date")], NOW)).toBe(false);
    expect(hasLiveSecretOfOurs([], NOW)).toBe(false);
  });
});
