import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_API_KEY, TEST_API_KEYS_SETTING } from "./testing/fakes.js";
import { startWorkerd, type WorkerdApi } from "./testing/worker-bundle.js";

describe("the bundled Worker (esbuild --platform=neutral) in workerd via Miniflare", () => {
  let api: WorkerdApi;
  beforeAll(async () => {
    api = await startWorkerd({
      CLOUD: "usgov",
      RATE_LIMIT_CAPACITY: "3",
      // Next to no refill: at the default 1 token a second, five requests that take over a second on a
      // loaded machine got a token back before the fifth (CI saw 200 where 429 was due).
      RATE_LIMIT_REFILL_PER_SECOND: "0.001",
      BODY_LIMIT_BYTES: "1024",
      API_KEYS: TEST_API_KEYS_SETTING,
    });
  });
  afterAll(async () => {
    await api?.close();
  });

  it("serves health, the catalog and the OpenAPI document", async () => {
    const health = await api.mf.dispatchFetch("http://api.test/v1/health");
    expect(await health.json()).toMatchObject({ status: "ok", cloud: "usgov" });
    const perms = await api.mf.dispatchFetch("http://api.test/v1/permissions");
    expect(perms.status).toBe(200);
    const doc = (await (await api.mf.dispatchFetch("http://api.test/openapi.json")).json()) as {
      openapi: string;
    };
    expect(doc.openapi).toBe("3.1.0");
  });

  it("enforces the body limit and the rate limit from its bindings", async () => {
    const big = await api.mf.dispatchFetch("http://api.test/v1/verify", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "cf-connecting-ip": "203.0.113.9",
        "x-api-key": TEST_API_KEY,
      },
      body: JSON.stringify({ clientSecret: "x".repeat(2000) }),
    });
    expect(big.status).toBe(413);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await api.mf.dispatchFetch("http://api.test/v1/health", {
        headers: { "cf-connecting-ip": "203.0.113.7" },
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });
});
