/**
 * The MSP's sign-in rides out Entra shedding load: the partner's device code and token endpoints answer
 * 503 (a short outage) and 429 (throttling, AADSTS90055 with Retry-After), a customer's token endpoint
 * answers 503 to the partner's silent GDAP refresh, and a customer without a relationship answers 503 to
 * its own device-code sign-in. `fleet setup` retries each as the single-tenant sign-in does and onboards
 * every tenant, with one app and one certificate each.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningFleetSandbox, startFleetSandbox } from "@boxafe-connect/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { childEnv, requireBuild, runCli } from "./harness.js";

const GDAP_OUTAGE = 1;
const NO_RELATIONSHIP = 2;

let fleet: RunningFleetSandbox;
let dir: string;
let env: Record<string, string>;

describe("fleet setup when Entra throttles or is briefly unavailable at sign-in", () => {
  beforeAll(async () => {
    requireBuild();
    dir = await mkdtemp(join(tmpdir(), "bc-fleet-faults-"));
    env = await childEnv(dir);
    fleet = await startFleetSandbox({
      tenants: 3,
      port: 0,
      autoApprove: true,
      home: env.BOXAFE_SANDBOX_HOME,
      withoutRelationship: [NO_RELATIONSHIP],
      // Index 0 is the partner. Its first two sign-in requests answer 503; after that, 429s at random
      // (seeded). retryAfter=0 keeps the run short; the retry honours whatever Retry-After Entra sends.
      faults: {
        0: "outage=2,throttle=0.5,retryAfter=0",
        [GDAP_OUTAGE]: "outage=2,retryAfter=0",
        [NO_RELATIONSHIP]: "outage=3,retryAfter=0",
      },
      seed: 4,
      ewsEnabled: [1, 2, 3],
    });
    env = await childEnv(dir, fleet.caPem);
  }, 120_000);
  afterAll(() => fleet?.stop());

  it("signs the partner and each tenant in through 429s and 503s and onboards every tenant", async () => {
    const fleetFile = join(dir, "fleet.json");
    const tenants = fleet.customers.map((c) => ({ tenant: c.tenantId, label: `Customer ${c.index}` }));
    await writeFile(fleetFile, JSON.stringify({ tenants }, null, 2));
    const run = await runCli(
      [
        "fleet",
        "setup",
        "--fleet",
        fleetFile,
        "--sandbox",
        fleet.url,
        "--store",
        join(dir, "credentials"),
        "--state",
        join(dir, "fleet.state.json"),
        "--json",
      ],
      env,
    );
    expect(run.code, run.stderr.slice(-2000)).toBe(0);
    const result = JSON.parse(run.stdout) as {
      summary: { done: number; failed: number };
      tenants: { tenant: string; status: string }[];
    };
    expect(result.summary).toMatchObject({ done: 3, failed: 0 });

    // The faults did fire where the test planted them (else it would prove nothing).
    const partner = fleet.partner.context.stats.snapshot().byStatus;
    expect(partner["503"]).toBe(2);
    expect(partner["429"] ?? 0).toBeGreaterThan(0);
    for (const index of [GDAP_OUTAGE, NO_RELATIONSHIP]) {
      const c = fleet.customers[index - 1];
      expect(c?.context.stats.snapshot().byStatus["503"], `customer ${index}`).toBeGreaterThan(0);
    }
    for (const c of fleet.customers) {
      const apps = c.context.dir.data.applications;
      expect(apps, `customer ${c.index}`).toHaveLength(1);
      expect(apps[0]?.keyCredentials, `customer ${c.index}`).toHaveLength(1);
    }
  }, 300_000);
});
