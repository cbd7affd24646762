/** Child process hosting a fleet sandbox (a partner and N customers) for the fleet commands' benchmark. */
import { parseFaults, startFleetSandbox } from "@boxafe-connect/sandbox";
import type { Plant } from "./fleet-plants.js";
import { serveParent } from "./forked-sandbox.js";
import { plantInSandbox } from "./plant-sandbox.js";

const tenants = Number(process.env.BOXAFE_BENCH_FLEET_TENANTS ?? "1000");
const home = process.env.BOXAFE_BENCH_SANDBOX_HOME;
const fleet = await startFleetSandbox({
  tenants,
  port: 0,
  seed: 42,
  autoApprove: true,
  ewsEnabled: "all",
  ...(home ? { home } : {}),
});
interface PlantOrder {
  readonly tenantId: string;
  readonly clientId: string;
  readonly plant: Plant;
}

serveParent(
  { url: fleet.url, caPem: fleet.caPem, customers: fleet.customers.map((c) => c.tenantId) },
  () => fleet.stop(),
  (message) => {
    // Section 3b's planted problems, applied to the tenants' stores directly (fleet-plants.ts says which).
    if (typeof message === "object" && message !== null && "plants" in message) {
      try {
        for (const order of (message as { plants: readonly PlantOrder[] }).plants) {
          const tenant = fleet.tenant(order.tenantId);
          if (!tenant) throw new Error(`no tenant ${order.tenantId} in the fleet sandbox`);
          plantInSandbox(tenant, order.clientId, order.plant);
        }
        process.send?.({ planted: (message as { plants: readonly PlantOrder[] }).plants.length });
      } catch (error) {
        process.send?.({ plantError: error instanceof Error ? error.message : String(error) });
      }
    }
    if (typeof message === "string" && message.startsWith("faults ")) {
      const spec = parseFaults(message.slice("faults ".length));
      for (const t of [fleet.partner, ...fleet.customers]) {
        t.context.faults.set(spec);
        t.context.dir.lagMs = spec.lag;
      }
      process.send?.({ faults: message.slice("faults ".length) });
    }
  },
);
