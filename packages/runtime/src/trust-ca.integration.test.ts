/**
 * trustCa is what makes a fresh sandbox CA trusted inside this process (NODE_EXTRA_CA_CERTS is read
 * only at start): before it, fetch, msal-node and the Graph SDK all refuse the certificate; after
 * it, all three connect, to the sandbox's origin only. Runs in its own worker, so no other test has
 * trusted the CA yet.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GRAPH_CLI_CLIENT_ID, type RunningSandbox, startSandbox } from "@boxafe-connect/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraphPort } from "./graph-port.js";
import { createMsalAppTokenPort } from "./msal-token-port.js";
import { trustCa } from "./trust-ca.js";

describe("trustCa", () => {
  let sandbox: RunningSandbox;
  let home: string;

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), "boxafe-ca-"));
    sandbox = await startSandbox({ port: 0, home });
  });
  afterAll(async () => {
    await sandbox?.stop();
    rmSync(home, { recursive: true, force: true });
  });

  it("turns a refused certificate into a trusted one for fetch, msal-node and the Graph SDK", async () => {
    const tokens = createMsalAppTokenPort({ authorityHost: sandbox.url });
    const request = {
      tenantId: sandbox.tenantId,
      clientId: GRAPH_CLI_CLIENT_ID,
      credential: { kind: "secret" as const, secret: "not-a-real-secret" },
      resource: "https://graph.microsoft.com",
    };
    const graph = createGraphPort({ baseUrl: sandbox.url, getAccessToken: async () => "not-a-token" });

    await expect(fetch(`${sandbox.url}/_sandbox/stats`)).rejects.toThrow();
    await expect(tokens.acquire(request)).rejects.toMatchObject({ code: "unreachable" });
    await expect(graph.batch([{ id: "1", method: "GET", url: "/organization" }])).rejects.toMatchObject({
      kind: "network",
    });

    trustCa(sandbox.caPem, sandbox.url);

    expect((await fetch(`${sandbox.url}/_sandbox/stats`)).ok).toBe(true);
    // Reaching the token service: now the answer is about the credential, not the connection.
    await expect(tokens.acquire(request)).rejects.not.toMatchObject({ code: "unreachable" });
    // Reaching Graph: the bad token is refused with 401 on the $batch call itself.
    await expect(graph.batch([{ id: "1", method: "GET", url: "/organization" }])).rejects.toMatchObject({
      kind: "http",
      status: 401,
    });
  });

  it("trusts the CA for the sandbox's origin only: the same certificate on another port is refused", async () => {
    trustCa(sandbox.caPem, sandbox.url);
    const certPem = readFileSync(join(home, "tls-cert.pem"), "utf8");
    const keyPem = readFileSync(join(home, "tls-key.pem"), "utf8");
    const other = createServer({ cert: certPem, key: keyPem }, (_req, res) => res.end("ok"));
    await new Promise<void>((resolve) => other.listen(0, "localhost", resolve));
    try {
      const { port } = other.address() as AddressInfo;
      // A localhost leaf the CA's name constraints allow, served from an origin trustCa was not given.
      await expect(fetch(`https://localhost:${port}/`)).rejects.toThrow();
      expect((await fetch(`${sandbox.url}/_sandbox/stats`)).ok).toBe(true);
    } finally {
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
  });
});
