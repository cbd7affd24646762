import { describe, expect, it } from "vitest";
import { proveTokensViaApi } from "./token-proof.js";

const body = {
  tenantId: "0b0c0d0e-1111-4222-8333-444455556666",
  clientId: "a1b2c3d4-0000-4000-8000-000000000001",
  clientSecret: "Abc8Q~secret-value_0123456789abcdefg",
};

describe("proveTokensViaApi", () => {
  it("posts the body once to the same-origin path and returns the API's report", async () => {
    const calls: { url: string; init: RequestInit | undefined }[] = [];
    const report = { complete: true, checkedAt: "2026-12-01T00:00:00Z", items: [], tokens: [] };
    const fetchFn = (async (url: string, init?: RequestInit) => {
      calls.push({ url, init });
      return Response.json(report);
    }) as typeof fetch;
    expect(await proveTokensViaApi("/api/v1/verify", body, fetchFn)).toEqual(report);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe("/api/v1/verify");
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual(body);
  });

  it("turns a 429 into a throttled error carrying the API's Retry-After", async () => {
    const fetchFn = (async () =>
      Response.json(
        { code: "throttled", message: "The token service is throttling requests." },
        { status: 429, headers: { "retry-after": "7" } },
      )) as typeof fetch;
    await expect(proveTokensViaApi("/api/v1/verify", body, fetchFn)).rejects.toMatchObject({
      code: "throttled",
      retryAfterSeconds: 7,
    });
  });

  it("keeps a known error code, maps anything else to graph_request_failed, and never echoes the secret", async () => {
    const known = (async () =>
      Response.json(
        { code: "unauthenticated", message: "Send a valid API key." },
        { status: 401 },
      )) as typeof fetch;
    await expect(proveTokensViaApi("/api/v1/verify", body, known)).rejects.toMatchObject({
      code: "unauthenticated",
    });
    const odd = (async () => new Response("<html>bad gateway</html>", { status: 502 })) as typeof fetch;
    const error = await proveTokensViaApi("/api/v1/verify", body, odd).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "graph_request_failed", status: 502 });
    expect(String((error as Error).message)).not.toContain(body.clientSecret);
  });
});
