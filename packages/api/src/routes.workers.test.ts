import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "./app.js";
import type { ApiConfig } from "./config.js";
import { createDurableLimitStore } from "./limits/durable-limit-store.js";
import { TEST_API_KEY, TEST_TENANT, testConfig, VERIFY_ONLY_API_KEY } from "./testing/fakes.js";
import { describeRouteContract } from "./testing/routes.case.js";

describeRouteContract("workerd, app.request", (overrides?: Partial<ApiConfig>) => {
  const config = testConfig(overrides);
  const app = createApp(config);
  return { request: async (path, init) => app.request(path, init), logs: config.logs, config };
});

describe("worker entry (export default { fetch })", () => {
  it("runs inside workerd and serves the catalog from env bindings", async () => {
    expect(navigator.userAgent).toBe("Cloudflare-Workers");
    const res = await exports.default.fetch("http://api.test/v1/permissions");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { profile: string };
    expect(body.profile).toBe("boxafe");
    const health = (await (await exports.default.fetch("http://api.test/v1/health")).json()) as {
      cloud: string;
    };
    expect(health.cloud).toBe("global");
  });
});

const post = (path: string, body: unknown, key?: string) =>
  exports.default.fetch(`http://api.test${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key === undefined ? {} : { "x-api-key": key }) },
    body: JSON.stringify(body),
  });

describe("worker entry: API keys and the Durable Object limits", () => {
  it("answers 401 without a key or with a wrong one, 403 for a key not allowed the route", async () => {
    const none = await post("/v1/verify", {});
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe('ApiKey header="X-Api-Key"');
    expect((await post("/v1/verify", {}, `${TEST_API_KEY}0`)).status).toBe(401);
    const denied = await post("/v1/setup", {}, VERIFY_ONLY_API_KEY);
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as { code: string }).code).toBe("access_denied");
    // Open routes need no key.
    expect((await exports.default.fetch("http://api.test/openapi.json")).status).toBe(200);
  });

  it("limits a tenant through the LIMITS Durable Object (capacity 3 in this pool's bindings)", async () => {
    // Valid tenant, missing clientId: counted, then refused by the route with 400 (nothing leaves workerd).
    const tenant = "f0000000-0000-4000-8000-00000000000f";
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await post("/v1/verify", { tenantId: tenant }, TEST_API_KEY)).status);
    expect(statuses).toEqual([400, 400, 400, 429]);
    // The count is in the object, not in this isolate's app: a store of our own on the same namespace sees it.
    const store = createDurableLimitStore(env.LIMITS);
    const seen = await store.take(`tenant:${tenant}`, { capacity: 3, refillPerSecond: 0.001 }, 0);
    expect(seen.allowed).toBe(false);
    expect((await post("/v1/verify", { tenantId: TEST_TENANT }, VERIFY_ONLY_API_KEY)).status).toBe(400);
  });

  it("holds at most `max` leases per key in the object, and frees one on release", async () => {
    const store = createDurableLimitStore(env.LIMITS);
    const rule = { max: 2, ttlMs: 60_000, retryAfterSeconds: 2 };
    const first = await store.acquire("polls:lease-test", rule, 0);
    const second = await store.acquire("polls:lease-test", rule, 0);
    const third = await store.acquire("polls:lease-test", rule, 0);
    expect([first.granted, second.granted, third.granted]).toEqual([true, true, false]);
    expect(third).toMatchObject({ active: 2, retryAfterSeconds: 2 });
    if (first.granted) await store.release("polls:lease-test", first.lease);
    expect((await store.acquire("polls:lease-test", rule, 0)).granted).toBe(true);
  });
});
