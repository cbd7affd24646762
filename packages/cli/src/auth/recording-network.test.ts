import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { recordingNetwork } from "./recording-network.js";

let server: Server | undefined;
afterEach(() => {
  server?.close();
  server = undefined;
});

/** A token endpoint that answers `answers` in turn (status, body, headers), counting requests. */
async function tokenEndpoint(answers: readonly [number, unknown, Record<string, string>?][]) {
  let calls = 0;
  server = createServer((req, res) => {
    const [status, body, headers] = answers[Math.min(calls, answers.length - 1)] ?? [500, {}];
    calls += 1;
    req.resume();
    res.writeHead(status, { "content-type": "application/json", ...(headers ?? {}) });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/t/oauth2/v2.0/token`, calls: () => calls };
}

const throttled = {
  error: "temporarily_unavailable",
  error_codes: [90055],
  error_description: "AADSTS90055: throttled. Trace ID: x",
};

describe("recordingNetwork", () => {
  it("retries a throttled token answer with its Retry-After, so one 429 does not end the sign-in", async () => {
    const endpoint = await tokenEndpoint([
      [429, throttled, { "retry-after": "1" }],
      [503, throttled],
      [200, { access_token: "a", token_type: "Bearer" }],
    ]);
    const waits: number[] = [];
    const network = recordingNetwork({ sleep: async (ms) => void waits.push(ms), baseMs: 10 });
    const res = await network.sendPostRequestAsync<{ access_token?: string }>(endpoint.url, { body: "x=1" });
    expect(res.status).toBe(200);
    expect(res.body.access_token).toBe("a");
    expect(endpoint.calls()).toBe(3);
    expect(waits).toEqual([1000, 20]);
  });

  it("remembers a refusal's AADSTS code and the description without its trace", async () => {
    const endpoint = await tokenEndpoint([
      [
        400,
        {
          error: "invalid_grant",
          error_codes: [53003],
          error_description: "AADSTS53003: Blocked. Trace ID: 1",
        },
      ],
    ]);
    const network = recordingNetwork({ sleep: async () => undefined });
    const res = await network.sendPostRequestAsync(endpoint.url, { body: "x=1" });
    expect(res.status).toBe(400);
    expect(endpoint.calls()).toBe(1);
    expect(network.lastTokenError()).toEqual({
      error: "invalid_grant",
      code: 53003,
      description: "AADSTS53003: Blocked.",
    });
    network.clear();
    expect(network.lastTokenError()).toBeUndefined();
  });
});
