/**
 * The Durable Object is the one counter across isolates: two Worker scripts (two isolates, each
 * with its own copy of the app and of any module state) run the same bundle in workerd, and both
 * are bound to the LimitCounter class of the first. Requests alternate between them; the limit
 * holds over the sum. The control case binds each script to its own namespace and shows that the
 * same traffic then gets twice as far, so the first case can only pass through the shared object.
 */

import { rmSync } from "node:fs";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_API_KEY, TEST_API_KEYS_SETTING, TEST_TENANT, VERIFY_ONLY_API_KEY } from "../testing/fakes.js";
import { bundleWorker } from "../testing/worker-bundle.js";

const bindings = {
  CLOUD: "global",
  API_KEYS: TEST_API_KEYS_SETTING,
  RATE_LIMIT_CAPACITY: "4",
  RATE_LIMIT_REFILL_PER_SECOND: "0.001",
  TENANT_RATE_LIMIT_CAPACITY: "3",
  TENANT_RATE_LIMIT_REFILL_PER_SECOND: "0.001",
};

let bundle: { file: string; dir: string };

beforeAll(async () => {
  bundle = await bundleWorker();
});

afterAll(() => {
  if (bundle) rmSync(bundle.dir, { recursive: true, force: true });
});

interface Isolate {
  fetch(url: string, init?: RequestInit): Promise<Response>;
}

async function isolate(mf: Miniflare, name: string): Promise<Isolate> {
  return (await mf.getWorker(name)) as unknown as Isolate;
}

function twoIsolates(shared: boolean): Miniflare {
  const script = {
    modules: true,
    scriptPath: bundle.file,
    modulesRoot: bundle.dir,
    compatibilityDate: "2026-04-01",
    bindings,
  };
  return new Miniflare({
    workers: [
      { name: "api-a", ...script, durableObjects: { LIMITS: "LimitCounter" } },
      {
        name: "api-b",
        ...script,
        durableObjects: {
          LIMITS: shared ? { className: "LimitCounter", scriptName: "api-a" } : "LimitCounter",
        },
      },
    ],
  });
}

/** Sends `count` requests alternating between the two isolates; returns their statuses in order. */
async function alternate(
  mf: Miniflare,
  count: number,
  init: () => RequestInit,
  path: string,
): Promise<number[]> {
  const a = await isolate(mf, "api-a");
  const b = await isolate(mf, "api-b");
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) {
    const res = await (i % 2 === 0 ? a : b).fetch(`http://api.test${path}`, init());
    statuses.push(res.status);
    await res.arrayBuffer();
  }
  return statuses;
}

// `{tenantId}` alone is counted (the tenant is valid) and then refused by the route with 400, so
// no request leaves workerd.
const verifyInit =
  (key = TEST_API_KEY, tenantId = TEST_TENANT) =>
  () => ({
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": key },
    body: JSON.stringify({ tenantId }),
  });

// Each case starts its own workerd with two scripts: about 2 s on a quiet machine, 31 s of the 60 s default
// under load. The bound only says "no hang", so it is generous.
describe("limits across isolates (two Worker scripts in workerd, one Durable Object namespace)", {
  timeout: 180_000,
}, () => {
  it("counts one tenant's requests in one object, whichever isolate serves them", async () => {
    const mf = twoIsolates(true);
    try {
      expect(await alternate(mf, 6, verifyInit(), "/v1/verify")).toEqual([400, 400, 400, 429, 429, 429]);
      // Another tenant has its own count (asked with the other key, whose own bucket is untouched).
      expect(
        await alternate(mf, 1, verifyInit(VERIFY_ONLY_API_KEY, "contoso.onmicrosoft.com"), "/v1/verify"),
      ).toEqual([400]);
    } finally {
      await mf.dispose();
    }
  });

  it("counts one API key's requests in one object across isolates", async () => {
    const mf = twoIsolates(true);
    try {
      const tenants = ["a.example.com", "b.example.com", "c.example.com", "d.example.com", "e.example.com"];
      const statuses: number[] = [];
      for (const [i, tenant] of tenants.entries()) {
        const worker = await isolate(mf, i % 2 === 0 ? "api-a" : "api-b");
        const res = await worker.fetch("http://api.test/v1/verify", verifyInit(TEST_API_KEY, tenant)());
        statuses.push(res.status);
        await res.arrayBuffer();
      }
      expect(statuses).toEqual([400, 400, 400, 400, 429]);
    } finally {
      await mf.dispose();
    }
  });

  it("control: with a namespace per script, each isolate counts alone and lets twice as much through", async () => {
    const mf = twoIsolates(false);
    try {
      expect(await alternate(mf, 6, verifyInit(), "/v1/verify")).toEqual([400, 400, 400, 400, 400, 400]);
    } finally {
      await mf.dispose();
    }
  });
});
