/**
 * Limits and throttling: per client and per tenant, verifications in flight, and an upstream
 * 429 passed through with its Retry-After.
 * Part of the route contract (routes.case.ts).
 */
import { CoreError } from "@boxafe-connect/core";
import { expect, it } from "vitest";
import { delegatedToken, failingGraphPort, GLOBAL_ADMIN, TEST_TENANT, VERIFY_ONLY_API_KEY } from "./fakes.js";
import { type AppFactory, expectError, json, verifyBody } from "./route-request.js";

export function limitCases(makeApp: AppFactory): void {
  it("limits each client with 429 and Retry-After, separately per client", async () => {
    const { request } = makeApp({ rateLimit: { capacity: 2, refillPerSecond: 0.1 } });
    const a = { headers: { "x-test-client": "a" } };
    expect((await request("/v1/health", a)).status).toBe(200);
    expect((await request("/v1/health", a)).status).toBe(200);
    const limited = await request("/v1/health", a);
    await expectError(limited, 429, "throttled");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await request("/v1/health", { headers: { "x-test-client": "b" } })).status).toBe(200);
  });

  it("passes an upstream 429 through as 429 with the upstream's Retry-After, and stops polling", async () => {
    let calls = 0;
    const { request } = makeApp({
      appTokenPort: {
        acquire: async () => {
          calls += 1;
          throw new CoreError("throttled", "The token service is throttling requests.", {
            status: 429,
            upstreamCode: "AADSTS50196",
            retryAfterSeconds: 37,
          });
        },
      },
    });
    const res = await request("/v1/verify", json(verifyBody({ sharePointTenant: "contoso" })));
    const body = await expectError(res, 429, "throttled");
    expect(res.headers.get("retry-after")).toBe("37");
    expect(body.upstreamCode).toBe("AADSTS50196");
    // One round of token requests at most: no polling on after Entra said to wait.
    expect(calls).toBeLessThanOrEqual(4);
  });

  it("passes Graph's Retry-After through when plan runs out of retry budget under throttling", async () => {
    const graph = failingGraphPort(
      () => new CoreError("throttled", "Microsoft Graph kept throttling.", { retryAfterSeconds: 120 }),
    );
    const { request, config } = makeApp({ graphPortFor: () => graph });
    const token = delegatedToken([GLOBAL_ADMIN], config.runtime.clock.now());
    const res = await request("/v1/plan", json({}, { authorization: `Bearer ${token}` }));
    await expectError(res, 429, "throttled");
    expect(res.headers.get("retry-after")).toBe("120");
  });

  it("carries the wait of any use case error as Retry-After, not only a throttled one", async () => {
    const graph = failingGraphPort(
      () =>
        new CoreError("replication_timeout", "Entra has not replicated the app yet; retry.", {
          retryAfterSeconds: 45,
        }),
    );
    const { request, config } = makeApp({ graphPortFor: () => graph });
    const token = delegatedToken([GLOBAL_ADMIN], config.runtime.clock.now());
    const res = await request("/v1/plan", json({}, { authorization: `Bearer ${token}` }));
    await expectError(res, 503, "replication_timeout");
    expect(res.headers.get("retry-after")).toBe("45");
  });

  it("limits each tenant, whichever key asks, while other tenants are served", async () => {
    const { request } = makeApp({
      tenantLimit: { capacity: 2, refillPerSecond: 0.01, maxConcurrentVerify: 10 },
    });
    const other = "contoso.onmicrosoft.com";
    expect((await request("/v1/verify", json(verifyBody()))).status).toBe(200);
    expect(
      (await request("/v1/verify", json(verifyBody(), { "x-api-key": VERIFY_ONLY_API_KEY }))).status,
    ).toBe(200);
    const limited = await request("/v1/verify", json(verifyBody({ tenantId: TEST_TENANT.toUpperCase() })));
    await expectError(limited, 429, "throttled");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await request("/v1/verify", json(verifyBody({ tenantId: other })))).status).not.toBe(429);
  });

  it("caps verifications of one tenant in flight, and frees the slot when one ends", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The first verify is inside (it holds the tenant's only slot) once it asks for a token. Sent
    // before that, a second verify could win the slot and wait at the gate for ever (a loaded CI run
    // timed out so: API key hashing and body parsing take their own time in each request).
    let entered: () => void = () => undefined;
    const inside = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const base = makeApp().config.appTokenPort;
    const { request } = makeApp({
      tenantLimit: { capacity: 100, refillPerSecond: 100, maxConcurrentVerify: 1 },
      appTokenPort: {
        acquire: async (r) => {
          if (r.tenantId === TEST_TENANT) {
            entered();
            await gate;
          }
          return base.acquire(r);
        },
      },
    });
    const first = request("/v1/verify", json(verifyBody()));
    await inside;
    // The first verify holds the tenant's only slot until the gate opens.
    let second: Response | undefined;
    for (let i = 0; i < 50 && second?.status !== 429; i++) {
      second = await request("/v1/verify", json(verifyBody()));
    }
    expect(second?.status).toBe(429);
    expect(second?.headers.get("retry-after")).toBe("2");
    release();
    expect((await first).status).toBe(200);
    expect((await request("/v1/verify", json(verifyBody()))).status).toBe(200);
  });
}
