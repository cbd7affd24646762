/**
 * An upstream 429 on Node: the sandbox's token endpoint throttles every request (429 AADSTS90055 with
 * Retry-After: 17) and /v1/verify answers our 429 with that same Retry-After, not the 5 s default it had
 * while msal-node dropped the response headers (issue 15).
 */
import { trustCa } from "@boxafe-connect/runtime";
import { GRAPH_CLI_CLIENT_ID, type RunningSandbox, startSandbox } from "@boxafe-connect/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApi, startApiServer } from "./node.js";
import { DEFAULT_RETRY_AFTER_SECONDS } from "./ports/throttle-passthrough.js";
import { TEST_API_KEYS_SETTING } from "./testing/fakes.js";
import { postJson } from "./testing/sandbox-session.js";

const UPSTREAM_RETRY_AFTER = 17;

let sandbox: RunningSandbox;
let api: RunningApi;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, faults: `throttle=1,retryAfter=${UPSTREAM_RETRY_AFTER}` });
  trustCa(sandbox.caPem, sandbox.url);
  api = await startApiServer({
    port: 0,
    settings: { SANDBOX_ORIGIN: sandbox.url, API_KEYS: TEST_API_KEYS_SETTING },
    logger: () => undefined,
  });
});

afterAll(async () => {
  await api?.close();
  await sandbox?.stop();
});

describe("Node API behind a throttling token endpoint", () => {
  it("answers /v1/verify with 429 and the upstream's own Retry-After", async () => {
    expect(UPSTREAM_RETRY_AFTER).not.toBe(DEFAULT_RETRY_AFTER_SECONDS);
    const res = await postJson(`${api.url}/v1/verify`, {
      tenantId: sandbox.tenantId,
      clientId: GRAPH_CLI_CLIENT_ID,
      clientSecret: "Any~secret.value_000000000000000000",
    });
    const body = (await res.json()) as { code: string; upstreamCode?: string; message: string };
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe(String(UPSTREAM_RETRY_AFTER));
    expect(body).toMatchObject({ code: "throttled", upstreamCode: "AADSTS90055" });
    expect(body.message).toContain(`Retry after ${UPSTREAM_RETRY_AFTER} s.`);
  });
});
