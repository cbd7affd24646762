import { describe, expect, it } from "vitest";
import { runTenantCapBench } from "./bench-limits.js";

// Counts, never timing: the hot tenant never had more verifies in flight than the cap, the flood
// got 429s, and the other tenant was served throughout. The other tenant sends a fixed number of
// requests and the flood lasts until they are answered: with a fixed 2 s run, a starved machine
// once answered none of the other tenant's requests in time (other.ok was 0).
describe("runTenantCapBench", () => {
  it("holds the per-tenant cap under a flood while another tenant is served", async () => {
    const result = await runTenantCapBench({
      hotConnections: 8,
      otherConnections: 1,
      otherRequests: 5,
      pollMs: 50,
    });
    const [hot, other] = result.tenants;
    expect(hot?.maxVerifiesInFlight).toBeLessThanOrEqual(2);
    expect(hot?.maxVerifiesInFlight).toBeGreaterThan(0);
    expect(hot?.throttled).toBeGreaterThan(0);
    expect(hot?.ok).toBeGreaterThan(0);
    expect(hot?.other).toBe(0);
    expect(other?.ok).toBe(5);
    expect(other?.other).toBe(0);
  });
});
