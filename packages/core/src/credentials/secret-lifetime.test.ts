import { describe, expect, it } from "vitest";
import { parseSecretLifetime, secretLifetimes, shorterLifetime } from "./secret-lifetime.js";

const now = Date.UTC(2026, 10, 27, 12);

describe("parseSecretLifetime", () => {
  it("defaults to 180 days", () => {
    expect(parseSecretLifetime(undefined, now)).toEqual({
      days: 180,
      endDateTime: "2027-05-26T12:00:00.000Z",
    });
  });
  it.each(secretLifetimes)("accepts the portal choice %i", (days) => {
    expect(parseSecretLifetime(days, now).days).toBe(days);
    expect(parseSecretLifetime(String(days), now).days).toBe(days);
  });
  it("accepts an end date", () => {
    expect(parseSecretLifetime("2027-01-31", now)).toEqual({
      days: 66,
      endDateTime: "2027-01-31T23:59:59.000Z",
    });
  });
  it.each([["100"], [0], ["tomorrow"], ["2026-11-27"], ["2030-01-01"]])(
    "rejects %s naming the field",
    (input) => {
      expect(() => parseSecretLifetime(input, now, "secretDays")).toThrow(
        expect.objectContaining({ code: "invalid_input", field: "secretDays" }),
      );
    },
  );
  it("offers a shorter lifetime after a policy refusal", () => {
    expect(shorterLifetime(180)).toBe(90);
    expect(shorterLifetime(90)).toBeUndefined();
  });
});
