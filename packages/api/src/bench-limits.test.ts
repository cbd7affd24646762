import { describe, expect, it } from "vitest";
import { runTenantCapBench } from "./bench-limits.js";

// Counts, never timing: the hot tenant never had more verifies in flight than the cap, the flood
// got 429s, and the other tenant was served throughout.
describe("runTenantCapBench", () => {
  it("holds the per-tenant cap under a flood while another tenant is served", async () => {
    const result = await runTenantCapBench({
      seconds: 2,
      hotConnections: 8,
      otherConnections: 1,
      pollMs: 50,
    });
    const [hot, other] = result.tenants;
    expect(hot?.maxVerifiesInFlight).toBeLessThanOrEqual(2);
    expect(hot?.maxVerifiesInFlight).toBeGreaterThan(0);
    expect(hot?.throttled).toBeGreaterThan(0);
    expect(hot?.ok).toBeGreaterThan(0);
    expect(hot?.other).toBe(0);
    expect(other?.ok).toBeGreaterThan(0);
    expect(other?.other).toBe(0);
  });
});
