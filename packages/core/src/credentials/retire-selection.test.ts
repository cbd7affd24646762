import { describe, expect, it } from "vitest";
import { planRetirement } from "./retire-selection.js";

const day = (n: number) => new Date(Date.UTC(2026, 10, n)).toISOString();
const ours = [
  { keyId: "k1", startDateTime: day(1), unheld: false },
  { keyId: "k2", startDateTime: day(10), unheld: false },
  { keyId: "k3", startDateTime: day(20), unheld: false },
  { keyId: "lost", startDateTime: day(25), unheld: true },
];
const everything = { keep: 1, cutoffMs: Number.POSITIVE_INFINITY };

describe("planRetirement: what phase two removes", () => {
  it("keeps the proven one, removes older ones and unheld ones whatever keep says", () => {
    expect(planRetirement(ours, ours[2] as (typeof ours)[2], everything)).toEqual({
      kind: "retire",
      kept: ["k3"],
      removed: ["k1", "k2", "lost"],
    });
    expect(planRetirement(ours, { keyId: "k3", startDateTime: day(20) }, { ...everything, keep: 2 })).toEqual(
      {
        kind: "retire",
        kept: ["k3", "k2"],
        removed: ["k1", "lost"],
      },
    );
  });

  it("refuses when a newer held one exists, and --older-than spares recent ones", () => {
    expect(planRetirement(ours, { keyId: "k2", startDateTime: day(10) }, everything)).toMatchObject({
      kind: "newer-exists",
      newer: { keyId: "k3" },
    });
    expect(
      planRetirement(
        ours,
        { keyId: "k3", startDateTime: day(20) },
        { keep: 1, cutoffMs: Date.parse(day(5)) },
      ),
    ).toEqual({ kind: "retire", kept: ["k3"], removed: ["k1"] });
  });
});
