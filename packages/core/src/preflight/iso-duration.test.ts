import { describe, expect, it } from "vitest";
import { durationDays } from "./iso-duration.js";

describe("durationDays", () => {
  it.each([
    ["P90D", 90],
    ["P1Y", 365],
    ["P2W", 14],
    ["PT36H", 1],
    ["P4DT12H30M5S", 4],
    ["P1Y6M", 545],
  ])("%s is %i whole days", (iso, days) => {
    expect(durationDays(iso)).toBe(days);
  });
  it.each(["", "P", "90 days", "PT"])("rejects %j", (iso) => {
    expect(durationDays(iso)).toBeUndefined();
  });
});
