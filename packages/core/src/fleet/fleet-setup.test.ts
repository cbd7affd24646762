import { describe, expect, it } from "vitest";
import { permissions } from "../catalog/permissions.js";
import { sandboxEndpoints } from "../clouds.js";
import { CoreError } from "../errors.js";
import { fakeAppTokens, fakeTenant, fakeTime } from "../testing/index.js";
import type { MadeCertificate } from "../usecases/ports.js";
import type { CredentialStore } from "./credential-store.js";
import type { FleetEntry } from "./fleet-file.js";
import { type FleetEvent, fleetSetup } from "./fleet-setup.js";
import { emptyFleetState, type FleetState, fleetKey } from "./fleet-state.js";

const allRoles = permissions.filter((p) => p.kind === "application").map((p) => p.value);

function entry(row: number, boxafe: "1.4" | "1.5" = "1.5"): FleetEntry {
  return { row, tenant: `customer${row}.onmicrosoft.com`, label: `Customer ${row}`, boxafe };
}

function memoryStore(
  log: string[],
): CredentialStore & { certs: Map<string, MadeCertificate[]>; secrets: Map<string, string> } {
  const certs = new Map<string, MadeCertificate[]>();
  const secrets = new Map<string, string>();
  return {
    certs,
    secrets,
    current: async (key) => certs.get(key)?.[0],
    all: async (key) => certs.get(key) ?? [],
    save: async (key, c) => {
      log.push(`store ${key}`);
      certs.set(key, [c, ...(certs.get(key) ?? [])]);
    },
    saveSecret: async (key, s) => {
      log.push(`store-secret ${key}`);
      secrets.set(key, s.secretText);
    },
    drop: async () => {},
  };
}

/** `aliases`: another name (a GUID) for a tenant of the harness, as a fleet file may use. */
function harness(options: { failing?: number[]; aliases?: Record<string, string> } = {}) {
  const time = fakeTime();
  const log: string[] = [];
  const tenants = new Map<string, ReturnType<typeof fakeTenant>>();
  const store = memoryStore(log);
  const saved: FleetState[] = [];
  let made = 0;
  const ports = {
    clock: time.clock,
    store,
    saveState: async (s: FleetState) => {
      saved.push(structuredClone(s));
    },
    connect: async (e: FleetEntry) => {
      if (options.failing?.includes(e.row)) {
        throw new CoreError(
          "access_denied",
          "AADSTS50020: no delegated admin relationship with this tenant.",
        );
      }
      const name = options.aliases?.[e.tenant] ?? e.tenant;
      const tenant = tenants.get(name) ?? fakeTenant({ initialDomain: name, tenantId: `tid-${name}` });
      tenants.set(name, tenant);
      const graph = {
        ...tenant,
        batch: async (requests: Parameters<typeof tenant.batch>[0]) => {
          for (const r of requests)
            if (r.method !== "GET") log.push(`write ${e.tenant} ${r.method} ${r.url.split("?")[0]}`);
          return tenant.batch(requests);
        },
      };
      return {
        signIn: "gdap" as const,
        tenantId: `tid-${name}`,
        ports: {
          ...time,
          graph,
          proof: {
            appToken: fakeAppTokens(() => allRoles),
            cloud: sandboxEndpoints("https://localhost:8443"),
          },
          certificates: {
            make: async () => {
              made += 1;
              log.push(`make ${e.tenant}`);
              return {
                derBase64: "MIIB",
                thumbprint: made.toString(16).toUpperCase().padStart(40, "0"),
                notAfter: new Date(time.clock.now() + 365 * 86_400_000).toISOString(),
                certificatePem: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
                privateKeyPem: "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----",
              };
            },
          },
        },
      };
    },
  };
  return { ports, log, store, tenants, saved, made: () => made };
}

describe("fleetSetup", () => {
  it("onboards every tenant, saving each private key before the tenant is written", async () => {
    const h = harness();
    const events: FleetEvent[] = [];
    const state = emptyFleetState();
    const summary = await fleetSetup(
      h.ports,
      [entry(1), entry(2), entry(3)],
      state,
      { concurrency: 2 },
      (e) => events.push(e),
    );
    expect(summary).toMatchObject({ total: 3, done: 3, failed: 0, skipped: 0 });
    for (const row of [1, 2, 3]) {
      const t = `customer${row}.onmicrosoft.com`;
      const stored = h.log.indexOf(`store ${t}`);
      const firstWrite = h.log.findIndex((l) => l.startsWith(`write ${t}`));
      expect(stored).toBeGreaterThanOrEqual(0);
      expect(stored).toBeLessThan(firstWrite);
      expect(state.tenants[fleetKey(t)]).toMatchObject({ stage: "done", signIn: "gdap" });
      expect(h.tenants.get(t)?.apps).toHaveLength(1);
    }
    expect(events.filter((e) => e.type === "tenant" && e.status === "done")).toHaveLength(3);
    expect(JSON.stringify(h.saved)).not.toContain("PRIVATE KEY");
  });

  it("keeps going past a tenant that fails, and records why", async () => {
    const h = harness({ failing: [2] });
    const state = emptyFleetState();
    const summary = await fleetSetup(h.ports, [entry(1), entry(2), entry(3)], state, { concurrency: 1 });
    expect(summary).toMatchObject({ done: 2, failed: 1 });
    expect(summary.failures[0]).toMatchObject({
      tenant: "customer2.onmicrosoft.com",
      code: "access_denied",
    });
    expect(state.tenants[fleetKey("customer2.onmicrosoft.com")]?.stage).toBe("failed");
  });

  it("resumes: done tenants are skipped, a started one reuses its stored certificate (no second key made, no duplicate app)", async () => {
    const h = harness();
    const state = emptyFleetState();
    await fleetSetup(h.ports, [entry(1), entry(2)], state, { concurrency: 1 });
    // As after a kill between storing the key and recording "done": the tenant is only "started".
    const second = state.tenants[fleetKey("customer2.onmicrosoft.com")];
    if (!second) throw new Error("no record");
    state.tenants[fleetKey("customer2.onmicrosoft.com")] = { ...second, stage: "started" };
    const madeBefore = h.made();
    const summary = await fleetSetup(h.ports, [entry(1), entry(2)], state, { concurrency: 1 });
    expect(summary).toMatchObject({ done: 1, skipped: 1 });
    expect(h.made()).toBe(madeBefore);
    const app = h.tenants.get("customer2.onmicrosoft.com")?.apps;
    expect(app).toHaveLength(1);
    // That the app then holds one key (Graph fills customKeyIdentifier from the certificate, which
    // this pure fake cannot hash) is proven against the sandbox in the CLI's fleet e2e test.
  });

  it("a tenant named twice (GUID and domain) is set up once: the second row fails before any write", async () => {
    const guid = "c0000001-5a1d-4b0c-8e11-000000000001";
    const h = harness({ aliases: { [guid]: "customer1.onmicrosoft.com" } });
    // As a CSV file gives them: the header is line 1, so row 1 is line 2 and row 2 is line 3.
    const byGuid: FleetEntry = { row: 2, line: 3, tenant: guid, label: "Customer 1 by id", boxafe: "1.5" };
    const state = emptyFleetState();
    const summary = await fleetSetup(h.ports, [{ ...entry(1), line: 2 }, byGuid], state, { concurrency: 2 });
    expect(summary).toMatchObject({ done: 1, failed: 1 });
    expect(summary.failures).toHaveLength(1);
    const failure = summary.failures[0];
    expect(failure?.code).toBe("invalid_input");
    expect(failure?.message).toMatch(/same tenant as row \d/);
    // Named as the admin's editor counts lines, so the row to remove is found.
    expect(failure?.message).toContain("row 2 (line 3), c0000001");
    expect(failure?.message).toContain("same tenant as row 1 (line 2), customer1.onmicrosoft.com");
    expect(failure?.message).toContain("remove row 2 (line 3) from the fleet file");
    // One key made, one store entry, one app: the losing row wrote nothing.
    expect(h.made()).toBe(1);
    expect([...h.store.certs.keys()]).toHaveLength(1);
    expect(h.tenants.get("customer1.onmicrosoft.com")?.apps).toHaveLength(1);
    expect(h.log.filter((l) => l.startsWith("write ")).every((l) => l.includes("customer1"))).toBe(true);

    // A re-run: the done row is skipped and still holds its tenant, so the other row fails again.
    const again = await fleetSetup(h.ports, [entry(1), byGuid], state, { concurrency: 2 });
    expect(again.skipped + again.failed).toBe(2);
    expect(h.made()).toBe(1);
  });

  it("a Boxafe 1.4 tenant gets a secret, kept in the store", async () => {
    const h = harness();
    await fleetSetup(h.ports, [entry(1, "1.4")], emptyFleetState(), { concurrency: 1 });
    expect(h.store.secrets.get("customer1.onmicrosoft.com")).toMatch(/Q~/);
  });
});
