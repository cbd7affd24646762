/**
 * Property-based hardening tests (fast-check): hostile bodies, headers and paths never produce a
 * 500, a stack trace or an echoed secret; oversize bodies get 413; floods get 429.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createApp } from "./app.js";
import type { ApiConfig } from "./config.js";
import {
  delegatedToken,
  GLOBAL_ADMIN,
  TEST_API_KEY,
  TEST_CLIENT,
  TEST_TENANT,
  testConfig,
} from "./testing/fakes.js";

const RUNS = 150;
const STACK = /\n\s+at |\.ts:\d+|\.js:\d+|node_modules/;

function appWith(overrides: Partial<ApiConfig> = {}) {
  return createApp(testConfig(overrides));
}

/** A secret-looking marker that cannot occur in our own texts by chance. */
const secretArb = fc
  .string({
    minLength: 12,
    maxLength: 40,
    unit: fc.constantFrom(..."abcdefghijkmnopqrstuvwxyzABCDEFGH0123456789~._-"),
  })
  .map((s) => `Zq9~${s}`);

const hostileValue = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(
    "__proto__",
    "constructor",
    "../../etc/passwd",
    "https://evil.example.com/",
    "%00",
    "\u0000",
  ),
  fc.string({ maxLength: 300 }),
  fc.integer(),
  fc.constant(null),
);

const bodyArb = fc.record(
  {
    tenantId: fc.oneof(fc.constant(TEST_TENANT), fc.constant("contoso.onmicrosoft.com"), hostileValue),
    clientId: fc.oneof(fc.constant(TEST_CLIENT), fc.uuid(), hostileValue),
    clientSecret: fc.oneof(secretArb, hostileValue),
    certificate: fc.oneof(
      fc.record({ certificatePem: fc.string(), privateKeyPem: fc.string() }),
      fc.record({
        certificatePem: fc.constant("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"),
        privateKeyPem: fc.constant("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"),
      }),
      hostileValue,
    ),
    sharePointTenant: fc.oneof(fc.constant("contoso"), hostileValue),
    displayName: hostileValue,
    appId: hostileValue,
    profile: fc.oneof(fc.constant("boxafe"), hostileValue),
    skipRetired: hostileValue,
    secretLifetimeDays: fc.oneof(fc.constantFrom(90, 180, 731), hostileValue),
    ["__proto__"]: hostileValue,
  },
  { requiredKeys: [] },
);

async function expectSafe(res: Response, secrets: readonly string[]) {
  const text = await res.text();
  expect(res.status).not.toBe(500);
  expect(res.status).toBeLessThan(600);
  expect(text).not.toMatch(STACK);
  for (const secret of secrets) expect(text).not.toContain(secret);
  for (const secret of secrets) expect([...res.headers.values()].join("\n")).not.toContain(secret);
  if (res.status >= 400) {
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(
      expect.arrayContaining(["code", "message", "field", "requestId"].sort()),
    );
  }
}

describe("hostile input (fast-check)", () => {
  it("bodies: never 500, never a stack, never an echoed secret", async () => {
    const app = appWith();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("/v1/verify", "/v1/plan", "/v1/setup"),
        bodyArb,
        secretArb,
        async (path, body, secret) => {
          // A hostile string only counts as "the secret" when long enough not to occur in our texts by chance.
          const given = body.clientSecret;
          const clientSecret = typeof given === "string" && given.length >= 16 ? given : secret;
          const payload = { ...body, clientSecret };
          const res = await app.request(path, {
            method: "POST",
            headers: { "content-type": "application/json", "x-api-key": TEST_API_KEY },
            body: JSON.stringify(payload),
          });
          await expectSafe(res, [clientSecret]);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("raw bytes and wrong content types: never 500", async () => {
    const app = appWith();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("/v1/verify", "/v1/plan", "/v1/setup", "/v1/permissions", "/v1/health"),
        fc.constantFrom("POST", "GET", "PUT", "DELETE", "PATCH"),
        fc.string({ maxLength: 2000 }),
        fc.constantFrom(
          "application/json",
          "text/plain",
          "application/x-www-form-urlencoded",
          "multipart/form-data",
          "",
        ),
        async (path, method, raw, contentType) => {
          const res = await app.request(path, {
            method,
            headers: { "x-api-key": TEST_API_KEY, ...(contentType ? { "content-type": contentType } : {}) },
            ...(method === "GET" ? {} : { body: raw }),
          });
          await expectSafe(res, []);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("headers: hostile Authorization values are refused without echo; admin tokens reach the role check", async () => {
    const app = appWith();
    const admin = delegatedToken([GLOBAL_ADMIN], Date.UTC(2026, 10, 27));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          secretArb.map((s) => `Bearer ${s}`),
          secretArb.map((s) => `Bearer ${s}.${s}.${s}`),
          secretArb.map((s) => `Basic ${s}`),
          secretArb.map((s) => `Bearer ${admin}${s}`),
          secretArb,
        ),
        fc.string({ maxLength: 100 }).filter((s) => /^[\x20-\x7e]*$/.test(s)),
        async (authorization, junk) => {
          const res = await app.request("/v1/plan", {
            method: "POST",
            headers: {
              "content-type": "application/json",
              "x-api-key": TEST_API_KEY,
              authorization,
              "x-forwarded-for": junk,
              "x-request-id": authorization.slice(-30),
              origin: junk,
            },
            body: "{}",
          });
          await expectSafe(res, [authorization.replace(/^(Bearer|Basic) /, "")]);
          expect([400, 401, 403]).toContain(res.status);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("paths: unknown or odd paths answer a JSON 404 (or a route), never 500", async () => {
    const app = appWith();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.webPath(),
          fc.webPath().map((p) => `/v1${p}`),
          fc.constantFrom(
            "/v1/verify/..",
            "/%2e%2e/%2e%2e/etc/passwd",
            "//v1//health",
            "/v1/permissions?profile[]=x&profile=y",
          ),
        ),
        async (path) => {
          const res = await app.request(path.startsWith("/") ? path : `/${path}`);
          await expectSafe(res, []);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("oversize bodies always get 413, whatever they contain", async () => {
    const limit = 2048;
    const app = appWith({ bodyLimitBytes: limit });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: limit + 1, max: limit * 8 }),
        fc.constantFrom("/v1/verify", "/v1/setup"),
        async (size, path) => {
          const res = await app.request(path, {
            method: "POST",
            headers: { "content-type": "application/json", "x-api-key": TEST_API_KEY },
            body: JSON.stringify({ clientSecret: "s".repeat(size) }),
          });
          expect(res.status).toBe(413);
          expect(((await res.json()) as { code: string }).code).toBe("payload_too_large");
        },
      ),
      { numRuns: 40 },
    );
  });

  it("floods: beyond the burst every request gets 429 with a Retry-After", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 30 }),
        async (capacity, extra) => {
          const app = appWith({ rateLimit: { capacity, refillPerSecond: 0.01 } });
          const statuses: number[] = [];
          for (let i = 0; i < capacity + extra; i++) {
            const res = await app.request("/v1/permissions");
            statuses.push(res.status);
            if (res.status === 429) expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
          }
          expect(statuses.filter((s) => s === 200)).toHaveLength(capacity);
          expect(statuses.filter((s) => s === 429)).toHaveLength(extra);
        },
      ),
      { numRuns: 30 },
    );
  });
});
