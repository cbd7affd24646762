import { describe, expect, it } from "vitest";
import { fleetCliBudgetMs, tenantCount } from "./bench-fleet-cli.js";
import { procCpuMs } from "./measured-cli.js";

describe("section 3b's sizing", () => {
  it("takes the tenant count from the environment, 1,000 by default, and refuses a bad one", () => {
    expect(tenantCount(undefined)).toBe(1000);
    expect(tenantCount("100")).toBe(100);
    expect(() => tenantCount("ten")).toThrow(/BOXAFE_BENCH_FLEET_TENANTS/);
    expect(() => tenantCount("5")).toThrow(/at least 10/);
  });

  it("gives 1,000 tenants ten times the per-tenant time of 100", () => {
    const perTenant = (fleetCliBudgetMs(1000) - fleetCliBudgetMs(100)) / 900;
    expect(fleetCliBudgetMs(100)).toBe(fleetCliBudgetMs(10) + 90 * perTenant);
    expect(fleetCliBudgetMs(1000)).toBeGreaterThan(1000 * perTenant);
  });

  it("reads utime + stime from /proc/<pid>/stat, whatever the command name holds", () => {
    const stat = "4242 (node (fleet) x) S 1 4242 4242 0 -1 4194560 9000 0 0 0 1234 56 0 0 20 0 11 0 99 0 0";
    expect(procCpuMs(stat)).toBe((1234 + 56) * 10);
    expect(procCpuMs("garbage")).toBeUndefined();
  });
});
