/** The API against a slow and throttling sandbox tenant: bounded, typed answers, never a hang or a 500. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiServer } from "./node.js";
import { TEST_API_KEYS_SETTING } from "./testing/fakes.js";
import { postJson as post, type SandboxSession, startSandboxSession } from "./testing/sandbox-session.js";

let session: SandboxSession;
let url: string;
let close: () => Promise<void>;

beforeAll(async () => {
  session = await startSandboxSession();
  const api = await startApiServer({
    port: 0,
    settings: {
      SANDBOX_ORIGIN: session.sandbox.url,
      API_KEYS: TEST_API_KEYS_SETTING,
      OUTBOUND_TIMEOUT_MS: "300",
      RETRY_BUDGET_MS: "1500",
      VERIFY_DEADLINE_MS: "500",
    },
    logger: () => undefined,
  });
  ({ url, close } = api);
});

afterAll(async () => {
  await close?.();
  await session?.stop();
});

describe("API on a slow, throttling tenant (sandbox faults)", () => {
  afterAll(async () => {
    await session?.faults("latency=0,throttle=0");
  });

  it("answers plan with a typed 5xx within its budget when every call outlasts the outbound timeout", async () => {
    await session.faults("latency=800");
    const started = Date.now();
    const res = await post(`${url}/v1/plan`, {}, session.adminToken);
    const elapsed = Date.now() - started;
    const body = (await res.json()) as { code: string; requestId: string };
    expect(res.status).toBeGreaterThanOrEqual(502);
    expect(res.status).not.toBe(500);
    expect(["unreachable", "graph_request_failed", "replication_timeout", "throttled"]).toContain(body.code);
    expect(elapsed).toBeLessThan(15_000); // a bound, not a benchmark: without timeouts this waits out 800 ms x retries x waves
  });

  it("reports token timeouts in the verify report instead of failing the request", async () => {
    await session.faults("latency=800");
    const res = await post(`${url}/v1/verify`, {
      tenantId: session.sandbox.tenantId,
      clientId: "00000000-0000-4000-8000-000000000001",
      clientSecret: "Any~secret.value_000000000000000000",
    });
    expect(res.status).toBe(200);
    const report = (await res.json()) as {
      complete: boolean;
      tokens: { ok: boolean; error?: { code: string } }[];
    };
    expect(report.complete).toBe(false);
    expect(report.tokens.every((t) => !t.ok && t.error?.code === "unreachable")).toBe(true);
  });

  it("survives Graph throttling (429 with Retry-After) within the retry budget", async () => {
    await session.faults("latency=0,throttle=0.3,retryAfter=0");
    const res = await post(`${url}/v1/plan`, { displayName: "QNAP Boxafe" }, session.adminToken);
    // 504: on a loaded machine the outbound timeout may fire first; it is typed too.
    expect([200, 429, 502, 503, 504]).toContain(res.status);
    const body = (await res.json()) as { actions?: unknown[]; code?: string };
    // Either the plan (core retried the 429s) or a typed error: never a generic 500.
    if (res.status === 200) expect(Array.isArray(body.actions)).toBe(true);
    else
      expect(["throttled", "graph_request_failed", "replication_timeout", "unreachable"]).toContain(
        body.code,
      );
  });
});
