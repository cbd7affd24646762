/**
 * The per-tenant cap under load (no assertions; figures for BENCHMARKS.md): one API key, a hot
 * tenant flooded with /v1/verify from many connections, and a second tenant asking at the same
 * time from a few. The token port is in-process and holds each token request for `pollMs` (real
 * time), standing in for the token endpoint's round trips, so verifies overlap as they would.
 * It counts what really went out: the most verifies of one tenant ever in flight, and the most
 * token requests of one tenant in flight at once.
 */
import type { AppTokenPort } from "@boxafe-connect/core";
import autocannon from "autocannon";
import type { LimitStore } from "./limits/limit-store.js";
import { createMemoryLimitStore } from "./limits/limit-store.js";
import { startApiServer } from "./node.js";
import {
  fakeAppTokenPort,
  GOOD_SECRET,
  grantedDirectoryGraph,
  TEST_API_KEY,
  TEST_API_KEYS_SETTING,
  TEST_CLIENT,
  TEST_TENANT,
} from "./testing/fakes.js";

export const OTHER_TENANT = "0b0c0d0e-2222-4222-8333-444455556666";

export interface TenantCapBenchOptions {
  readonly seconds?: number;
  /** Connections flooding the hot tenant (default 16). */
  readonly hotConnections?: number;
  /** Connections for the other tenant (default 2). */
  readonly otherConnections?: number;
  /** TENANT_MAX_CONCURRENT_VERIFY (default 2). */
  readonly maxConcurrentVerify?: number;
  /** How long each token request is held (default 100 ms). */
  readonly pollMs?: number;
  /**
   * The other tenant sends exactly this many requests, and the flood lasts until they are answered,
   * instead of both running `seconds`: on a starved machine a fixed 2 s could end before the other
   * tenant's first answer (the test saw 0 served). Counts, never timing.
   */
  readonly otherRequests?: number;
}

/** With `otherRequests`, the flood's own bound: a no-hang limit, not a measure. */
const FLOOD_BOUND_SECONDS = 120;

export interface TenantFigures {
  readonly tenant: "hot" | "other";
  readonly connections: number;
  readonly requests: number;
  readonly ok: number;
  readonly throttled: number;
  readonly other: number;
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
  /** Most verifies of this tenant in flight at once (leases held). */
  readonly maxVerifiesInFlight: number;
  /** Most token requests for this tenant in flight at once, counted in the token port. */
  readonly maxTokenRequestsInFlight: number;
}

export interface TenantCapBenchResult {
  readonly seconds: number;
  readonly maxConcurrentVerify: number;
  readonly pollMs: number;
  readonly tenants: readonly TenantFigures[];
}

/** Counts the leases each key holds at once. */
function countingStore(inner: LimitStore, peaks: Map<string, number>): LimitStore {
  const held = new Map<string, number>();
  return {
    take: (key, rule, now) => inner.take(key, rule, now),
    async acquire(key, rule, now) {
      const decision = await inner.acquire(key, rule, now);
      if (decision.granted) {
        const n = (held.get(key) ?? 0) + 1;
        held.set(key, n);
        peaks.set(key, Math.max(peaks.get(key) ?? 0, n));
      }
      return decision;
    },
    async release(key, lease) {
      held.set(key, Math.max(0, (held.get(key) ?? 0) - 1));
      await inner.release(key, lease);
    },
  };
}

/** The fake token port, each request held for `pollMs`, counting requests in flight per tenant. */
function slowTokenPort(pollMs: number, peaks: Map<string, number>): AppTokenPort {
  const base = fakeAppTokenPort(() => Date.now());
  const inFlight = new Map<string, number>();
  return {
    async acquire(request) {
      const n = (inFlight.get(request.tenantId) ?? 0) + 1;
      inFlight.set(request.tenantId, n);
      peaks.set(request.tenantId, Math.max(peaks.get(request.tenantId) ?? 0, n));
      try {
        await new Promise((resolve) => setTimeout(resolve, pollMs));
        return await base.acquire(request);
      } finally {
        inFlight.set(request.tenantId, (inFlight.get(request.tenantId) ?? 1) - 1);
      }
    },
  };
}

export async function runTenantCapBench(options: TenantCapBenchOptions = {}): Promise<TenantCapBenchResult> {
  const seconds = options.seconds ?? 5;
  const hotConnections = options.hotConnections ?? 16;
  const otherConnections = options.otherConnections ?? 2;
  const maxConcurrentVerify = options.maxConcurrentVerify ?? 2;
  const pollMs = options.pollMs ?? 100;
  const leasePeaks = new Map<string, number>();
  const tokenPeaks = new Map<string, number>();
  const api = await startApiServer({
    port: 0,
    settings: {
      API_KEYS: TEST_API_KEYS_SETTING,
      // Only the in-flight cap is under test: the buckets are out of the way.
      RATE_LIMIT_CAPACITY: "1000000000",
      RATE_LIMIT_REFILL_PER_SECOND: "1000000000",
      TENANT_RATE_LIMIT_CAPACITY: "1000000000",
      TENANT_RATE_LIMIT_REFILL_PER_SECOND: "1000000000",
      TENANT_MAX_CONCURRENT_VERIFY: String(maxConcurrentVerify),
    },
    logger: () => undefined,
    overrides: {
      appTokenPort: slowTokenPort(pollMs, tokenPeaks),
      graphPortFor: () => grantedDirectoryGraph(),
      limitStore: countingStore(createMemoryLimitStore(), leasePeaks),
    },
  });
  const load = (tenantId: string, connections: number, bound: { duration: number } | { amount: number }) =>
    autocannon({
      url: `${api.url}/v1/verify`,
      connections,
      ...bound,
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": TEST_API_KEY },
      body: JSON.stringify({
        tenantId,
        clientId: TEST_CLIENT,
        clientSecret: GOOD_SECRET,
        sharePointTenant: "contoso",
      }),
    });
  try {
    const [hot, other] = await (async () => {
      if (options.otherRequests === undefined) {
        return Promise.all([
          load(TEST_TENANT, hotConnections, { duration: seconds }),
          load(OTHER_TENANT, otherConnections, { duration: seconds }),
        ]);
      }
      const flood = load(TEST_TENANT, hotConnections, { duration: FLOOD_BOUND_SECONDS });
      const served = await load(OTHER_TENANT, otherConnections, { amount: options.otherRequests });
      flood.stop();
      return [await flood, served] as const;
    })();
    const figures = (
      tenant: "hot" | "other",
      tenantId: string,
      connections: number,
      r: Awaited<ReturnType<typeof autocannon>>,
    ): TenantFigures => {
      const count = (status: string) => r.statusCodeStats[status]?.count ?? 0;
      const requests = Object.values(r.statusCodeStats).reduce((n, s) => n + s.count, 0);
      return {
        tenant,
        connections,
        requests,
        ok: count("200"),
        throttled: count("429"),
        other: requests - count("200") - count("429"),
        latencyP50Ms: r.latency.p50,
        latencyP99Ms: r.latency.p99,
        maxVerifiesInFlight: leasePeaks.get(`polls:${tenantId}`) ?? 0,
        maxTokenRequestsInFlight: tokenPeaks.get(tenantId) ?? 0,
      };
    };
    return {
      seconds,
      maxConcurrentVerify,
      pollMs,
      tenants: [
        figures("hot", TEST_TENANT, hotConnections, hot),
        figures("other", OTHER_TENANT, otherConnections, other),
      ],
    };
  } finally {
    await api.close();
  }
}
