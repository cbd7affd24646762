/**
 * The route contract, written once over an app factory (hono's `runTest({ newRouter })` pattern):
 * routes.test.ts runs it on Node through app.request(), routes.workers.test.ts inside workerd.
 */
import { CoreError } from "@boxafe-connect/core";
import { describe, expect, it } from "vitest";
import type { AccessLogEntry, ApiConfig } from "../config.js";
import {
  delegatedToken,
  failingGraphPort,
  GLOBAL_ADMIN,
  GOOD_SECRET,
  TEST_API_KEY,
  TEST_CLIENT,
  TEST_TENANT,
  VERIFY_ONLY_API_KEY,
} from "./fakes.js";

export interface AppUnderTest {
  request(path: string, init?: RequestInit): Promise<Response>;
  readonly logs: readonly AccessLogEntry[];
  readonly config: ApiConfig;
}
export type AppFactory = (overrides?: Partial<ApiConfig>) => AppUnderTest;

/** A POST with the test partner's key; pass `"x-api-key": ""` to send none. */
const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: Object.fromEntries(
    Object.entries({ "content-type": "application/json", "x-api-key": TEST_API_KEY, ...headers }).filter(
      ([, v]) => v !== "",
    ),
  ),
  body: typeof body === "string" ? body : JSON.stringify(body),
});

const verifyBody = (extra: Record<string, unknown> = {}) => ({
  tenantId: TEST_TENANT,
  clientId: TEST_CLIENT,
  clientSecret: GOOD_SECRET,
  ...extra,
});

async function expectError(res: Response, status: number, code: string, field?: string | null) {
  expect(res.status).toBe(status);
  const body = (await res.json()) as Record<string, unknown>;
  expect(body.code).toBe(code);
  expect(typeof body.message).toBe("string");
  expect(body.requestId).toBe(res.headers.get("x-request-id"));
  if (field !== undefined) expect(body.field).toBe(field);
  return body;
}

export function describeRouteContract(name: string, makeApp: AppFactory): void {
  describe(`routes (${name})`, () => {
    it("answers health with a request id and secure headers", async () => {
      const { request } = makeApp();
      const res = await request("/v1/health");
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: "ok", cloud: "global" });
      expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    });

    it("ignores a caller's X-Request-Id so log ids are always ours", async () => {
      const { request } = makeApp();
      const res = await request("/v1/health", { headers: { "x-request-id": "caller-chosen" } });
      expect(res.headers.get("x-request-id")).not.toBe("caller-chosen");
    });

    it("lists the boxafe permissions, and fewer with skipRetired", async () => {
      const { request } = makeApp();
      const all = (await (await request("/v1/permissions")).json()) as {
        resources: { permissions: unknown[] }[];
      };
      const count = (v: typeof all) => v.resources.reduce((n, r) => n + r.permissions.length, 0);
      expect(count(all)).toBe(26);
      const res = await request("/v1/permissions?profile=boxafe&skipRetired=true");
      expect(res.status).toBe(200);
      expect(count((await res.json()) as typeof all)).toBeLessThan(26);
    });

    it("rejects an unknown profile naming the field", async () => {
      const { request } = makeApp();
      await expectError(await request("/v1/permissions?profile=nope"), 400, "invalid_input", "profile");
    });

    it("verifies good client credentials: every application permission granted", async () => {
      const { request } = makeApp();
      const res = await request("/v1/verify", json(verifyBody({ sharePointTenant: "contoso" })));
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-store");
      const report = (await res.json()) as {
        complete: boolean;
        items: { kind: string; status: string }[];
        tokens: { ok: boolean; audience: string }[];
      };
      expect(report.complete).toBe(true);
      const proven = report.items.filter((i) => i.status === "granted");
      expect(proven.filter((i) => i.kind === "application").length).toBeGreaterThan(10);
      expect(proven.filter((i) => i.kind === "delegated").length).toBeGreaterThan(0);
      expect(report.items.every((i) => i.status === "granted" || i.status === "unverifiable")).toBe(true);
      expect(report.tokens.every((t) => t.ok)).toBe(true);
      expect(report.tokens.map((t) => t.audience)).toContain("https://contoso.sharepoint.com");
    });

    it("reports a wrong secret as an authentication failure, never a 500, never echoing it", async () => {
      const { request } = makeApp();
      const wrong = "Wrong~Secret.Value_9876543210zyxwvu";
      const res = await request("/v1/verify", json(verifyBody({ clientSecret: wrong })));
      const text = await res.text();
      expect(res.status).toBeLessThan(500);
      expect(text).not.toContain(wrong);
      expect(text).toMatch(/invalid_client_credentials/);
    });

    it.each([
      [{ clientId: undefined }, "clientId"],
      [{ clientId: "not-a-guid" }, "clientId"],
      [{ tenantId: "../../evil" }, "tenantId"],
      [{ tenantId: "evil.example.com/x?y" }, "tenantId"],
      [{ sharePointTenant: "evil.example.com" }, "sharePointTenant"],
      [{ clientSecret: undefined }, "clientSecret"],
      [{ certificate: { certificatePem: "x", privateKeyPem: "y" } }, "certificate.certificatePem"],
    ])("rejects %j naming %s", async (extra, field) => {
      const { request } = makeApp();
      const body = await expectError(
        await request("/v1/verify", json(verifyBody(extra))),
        400,
        "invalid_input",
        field,
      );
      expect(JSON.stringify(body)).not.toContain(GOOD_SECRET);
    });

    it("says which field is missing", async () => {
      const { request } = makeApp();
      const body = await expectError(
        await request("/v1/verify", json({ tenantId: TEST_TENANT })),
        400,
        "invalid_input",
        "clientId",
      );
      expect(body.message).toBe("clientId is required.");
    });

    it("answers malformed JSON with 400 invalid_input", async () => {
      const { request } = makeApp();
      await expectError(await request("/v1/verify", json("{not json")), 400, "invalid_input", "body");
    });

    it("refuses a body over the limit with 413", async () => {
      const { request, config } = makeApp();
      const big = verifyBody({ clientSecret: "x".repeat(config.bodyLimitBytes + 10) });
      await expectError(await request("/v1/verify", json(big)), 413, "payload_too_large");
    });

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

    it("allows CORS only for configured origins", async () => {
      const { request } = makeApp();
      const ok = await request("/v1/permissions", { headers: { origin: "https://portal.example.com" } });
      expect(ok.headers.get("access-control-allow-origin")).toBe("https://portal.example.com");
      const no = await request("/v1/permissions", { headers: { origin: "https://evil.example.com" } });
      expect(no.headers.get("access-control-allow-origin")).toBeNull();
      const preflight = await request("/v1/verify", {
        method: "OPTIONS",
        headers: { origin: "https://portal.example.com", "access-control-request-method": "POST" },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");
    });

    it("asks for a bearer token on plan and setup", async () => {
      const { request } = makeApp();
      for (const path of ["/v1/plan", "/v1/setup"]) {
        const res = await request(path, json({}));
        await expectError(res, 401, "unauthenticated", "authorization");
        expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
      }
      const garbage = await request("/v1/plan", json({}, { authorization: "Bearer not.a.jwt" }));
      expect(garbage.status).toBe(401);
    });

    it("checks the directory role before any Graph call", async () => {
      const graph = failingGraphPort(() => new Error("must not be called"));
      const { request, config } = makeApp({ graphPortFor: () => graph });
      const token = delegatedToken([], config.runtime.clock.now());
      const res = await request("/v1/setup", json({}, { authorization: `Bearer ${token}` }));
      const body = await expectError(res, 403, "insufficient_role");
      expect(JSON.stringify(body)).not.toContain(token);
      expect(graph.calls).toBe(0);
    });

    it("maps an upstream 401 from Graph to 401, without the token", async () => {
      const graph = failingGraphPort(
        () => new CoreError("token_expired", "Graph rejected the access token."),
      );
      const { request, config } = makeApp({ graphPortFor: () => graph });
      const token = delegatedToken([GLOBAL_ADMIN], config.runtime.clock.now());
      const res = await request("/v1/plan", json({}, { authorization: `Bearer ${token}` }));
      expect(res.status).toBe(401);
      expect(await res.text()).not.toContain(token);
      expect(graph.calls).toBeGreaterThan(0);
    });

    it("turns an unexpected failure into a generic 500 with the request id and no detail", async () => {
      const { request } = makeApp({
        appTokenPort: {
          acquire: () => Promise.reject(new TypeError(`boom ${GOOD_SECRET} at internal.ts:12`)),
        },
      });
      const res = await request("/v1/verify", json(verifyBody()));
      const text = await res.text();
      expect(text).not.toContain(GOOD_SECRET);
      expect(text).not.toContain("internal.ts");
      expect(res.status).toBe(500);
      expect(JSON.parse(text)).toEqual({
        code: "internal_error",
        message: expect.stringMatching(/request id/),
        field: null,
        requestId: res.headers.get("x-request-id"),
      });
    });

    it("keeps answering when the log sink throws", async () => {
      const { request } = makeApp({
        logger: () => {
          throw new Error("disk full");
        },
      });
      expect((await request("/v1/health")).status).toBe(200);
    });

    it("answers unknown routes with a JSON 404", async () => {
      const { request } = makeApp();
      await expectError(await request("/v1/nope/../../etc/passwd"), 404, "not_found");
    });

    it("serves an OpenAPI 3.1 document and a reference page", async () => {
      const { request } = makeApp();
      const doc = (await (await request("/openapi.json")).json()) as {
        openapi: string;
        paths: Record<string, unknown>;
      };
      expect(doc.openapi).toBe("3.1.0");
      expect(Object.keys(doc.paths).sort()).toEqual(
        [
          "/docs",
          "/v1/health",
          "/v1/permissions",
          "/v1/plan",
          "/v1/preflight",
          "/v1/setup",
          "/v1/verify",
        ].sort(),
      );
      const page = await request("/docs");
      expect(page.headers.get("content-type")).toContain("text/html");
      const html = await page.text();
      expect(html).toContain("/v1/verify");
      expect(html).not.toMatch(/<script|https?:\/\/cdn/i);
    });

    it("asks for an API key on verify, plan and setup (401), and accepts it beside the Graph bearer", async () => {
      const { request } = makeApp();
      for (const path of ["/v1/verify", "/v1/plan", "/v1/setup"]) {
        const none = await request(path, json(verifyBody(), { "x-api-key": "" }));
        await expectError(none, 401, "unauthenticated", "x-api-key");
        expect(none.headers.get("www-authenticate")).toBe('ApiKey header="X-Api-Key"');
        const wrong = await request(path, json(verifyBody(), { "x-api-key": `${TEST_API_KEY}x` }));
        await expectError(wrong, 401, "unauthenticated", "x-api-key");
        const bearerOnly = await request(
          path,
          json({}, { "x-api-key": "", authorization: `Bearer ${delegatedToken([GLOBAL_ADMIN], 0)}` }),
        );
        await expectError(bearerOnly, 401, "unauthenticated", "x-api-key");
      }
      expect((await request("/v1/verify", json(verifyBody()))).status).toBe(200);
    });

    it("answers 403 for a key not allowed the route, and 401 to everyone when no key is configured", async () => {
      const { request } = makeApp();
      const denied = await request("/v1/setup", json({}, { "x-api-key": VERIFY_ONLY_API_KEY }));
      const body = await expectError(denied, 403, "access_denied", "x-api-key");
      expect(body.message).toContain("verify-only");
      expect(JSON.stringify(body)).not.toContain(VERIFY_ONLY_API_KEY);
      expect(
        (await request("/v1/verify", json(verifyBody(), { "x-api-key": VERIFY_ONLY_API_KEY }))).status,
      ).toBe(200);
      const closed = makeApp({ apiKeys: [] });
      const res = await closed.request("/v1/verify", json(verifyBody()));
      expect((await expectError(res, 401, "unauthenticated")).message).toMatch(/no API keys configured/);
    });

    it("keeps the catalog, health, docs and the document open without a key", async () => {
      const { request } = makeApp({ apiKeys: [] });
      for (const path of ["/v1/permissions", "/v1/health", "/openapi.json", "/docs"]) {
        expect((await request(path)).status).toBe(200);
      }
    });

    it("answers 405 with Allow for a method a route does not take", async () => {
      const { request } = makeApp();
      const get = await request("/v1/verify");
      await expectError(get, 405, "method_not_allowed");
      expect(get.headers.get("allow")).toBe("OPTIONS, POST");
      const del = await request("/v1/permissions", { method: "DELETE" });
      await expectError(del, 405, "method_not_allowed");
      expect(del.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
      expect((await request("/v1/health", { method: "PUT" })).status).toBe(405);
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
      const base = makeApp().config.appTokenPort;
      const { request } = makeApp({
        tenantLimit: { capacity: 100, refillPerSecond: 100, maxConcurrentVerify: 1 },
        appTokenPort: {
          acquire: async (r) => {
            if (r.tenantId === TEST_TENANT) await gate;
            return base.acquire(r);
          },
        },
      });
      const first = request("/v1/verify", json(verifyBody()));
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

    it("logs one line per request with only id, method, route, status and duration", async () => {
      const { request, logs } = makeApp();
      await request("/v1/verify", json(verifyBody()));
      await request("/no/such/path?secret=1");
      expect(logs).toHaveLength(2);
      for (const entry of logs) {
        expect(Object.keys(entry).sort()).toEqual(["durationMs", "method", "requestId", "route", "status"]);
      }
      expect(logs[0]).toMatchObject({ method: "POST", route: "/v1/verify", status: 200 });
      expect(logs[1]).toMatchObject({ route: "unmatched", status: 404 });
      expect(JSON.stringify(logs)).not.toContain(GOOD_SECRET);
    });
  });
}
