/**
 * The network module keeps the token endpoint's Retry-After from a real HTTP answer (a loopback server), which
 * msal-node's errors would drop; core's retryAfterHeaderSeconds reads both forms RFC 9110 allows.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retryAfterNetwork } from "./retry-after-network.js";

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);

describe("retryAfterNetwork", () => {
  let server: Server;
  let base: string;
  let answer: { status: number; headers: Record<string, string> };

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
      res.end(JSON.stringify({ error: "temporarily_unavailable", error_codes: [90055] }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("keeps a throttled token answer's HTTP-date Retry-After and hands msal the answer unchanged", async () => {
    const network = retryAfterNetwork(() => NOW);
    answer = { status: 429, headers: { "retry-after": new Date(NOW + 30_000).toUTCString() } };
    const res = await network.sendPostRequestAsync<{ error: string }>(`${base}/t/oauth2/v2.0/token`, {
      body: "grant_type=client_credentials",
    });
    expect(res.status).toBe(429);
    expect(res.body.error).toBe("temporarily_unavailable");
    expect(network.retryAfterSeconds()).toBe(30);
  });

  it("forgets the wait once the token endpoint answers without throttling, and ignores other endpoints", async () => {
    const network = retryAfterNetwork(() => NOW);
    answer = { status: 503, headers: { "retry-after": "9" } };
    await network.sendPostRequestAsync(`${base}/t/oauth2/v2.0/token`, { body: "" });
    expect(network.retryAfterSeconds()).toBe(9);
    answer = { status: 429, headers: { "retry-after": "99" } };
    await network.sendGetRequestAsync(`${base}/t/v2.0/.well-known/openid-configuration`);
    expect(network.retryAfterSeconds()).toBe(9);
    answer = { status: 400, headers: { "retry-after": "5" } };
    await network.sendPostRequestAsync(`${base}/t/oauth2/v2.0/token`, { body: "" });
    expect(network.retryAfterSeconds()).toBeUndefined();
  });
});
