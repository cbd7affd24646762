/**
 * Who may call what: the partner API key, the Graph bearer on plan and setup, the directory role
 * checked before Graph, and the routes open without a key.
 * Part of the route contract (routes.case.ts).
 */
import { CoreError } from "@boxafe-connect/core";
import { expect, it } from "vitest";
import {
  delegatedToken,
  failingGraphPort,
  GLOBAL_ADMIN,
  TEST_API_KEY,
  VERIFY_ONLY_API_KEY,
} from "./fakes.js";
import { type AppFactory, expectError, json, verifyBody } from "./route-request.js";

export function accessCases(makeApp: AppFactory): void {
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
    const graph = failingGraphPort(() => new CoreError("token_expired", "Graph rejected the access token."));
    const { request, config } = makeApp({ graphPortFor: () => graph });
    const token = delegatedToken([GLOBAL_ADMIN], config.runtime.clock.now());
    const res = await request("/v1/plan", json({}, { authorization: `Bearer ${token}` }));
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain(token);
    expect(graph.calls).toBeGreaterThan(0);
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
}
