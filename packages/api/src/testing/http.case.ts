/**
 * The HTTP surface every route shares: request ids and secure headers, the open catalog and
 * documents, CORS, 404/405, the generic 500 and the access log.
 * Part of the route contract (routes.case.ts).
 */
import { expect, it } from "vitest";
import { GOOD_SECRET } from "./fakes.js";
import { type AppFactory, expectError, json, verifyBody } from "./route-request.js";

export function httpCases(makeApp: AppFactory): void {
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
        "/v1/prove",
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
}
