import { describe, expect, it } from "vitest";
import { mapPool } from "./pool.js";

describe("mapPool", () => {
  it("never runs more than the limit at once and keeps the input order", async () => {
    let inFlight = 0;
    let peak = 0;
    const out = await mapPool([5, 1, 4, 2, 3, 0], 2, async (n) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      // Yield a varying number of microtask turns so jobs finish out of order.
      for (let i = 0; i < n; i += 1) await Promise.resolve();
      inFlight -= 1;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30, 0]);
    expect(peak).toBe(2);
  });

  it("handles an empty list and rejects a bad limit", async () => {
    expect(await mapPool([], 4, async () => 1)).toEqual([]);
    await expect(mapPool([1], 0, async () => 1)).rejects.toThrow(/positive integer/);
  });

  it("rejects when a job fails", async () => {
    await expect(
      mapPool([1, 2], 2, async (n) => {
        if (n === 2) throw new Error("boom");
        return n;
      }),
    ).rejects.toThrow("boom");
  });
});
