/**
 * A sandbox tenant for end-to-end tests: started over HTTPS with a throw-away home, its CA trusted
 * in this process, and a Global Administrator signed in by device code through msal-node.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { adminScopes } from "@boxafe-connect/core";
import { deviceCodeSignIn, trustCa } from "@boxafe-connect/runtime";
import { GRAPH_CLI_CLIENT_ID, type RunningSandbox, startSandbox } from "@boxafe-connect/sandbox";
import { TEST_API_KEY } from "./fakes.js";

const ADMIN_SCOPES = adminScopes("https://graph.microsoft.com");

export interface SandboxSession {
  readonly sandbox: RunningSandbox;
  readonly adminToken: string;
  /** Sets sandbox faults, e.g. "latency=800" or "throttle=0.3,retryAfter=0". */
  faults(spec: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startSandboxSession(): Promise<SandboxSession> {
  const home = mkdtempSync(join(tmpdir(), "boxafe-api-sandbox-"));
  const sandbox = await startSandbox({ port: 0, autoApprove: true, home });
  trustCa(sandbox.caPem, sandbox.url);
  const signIn = await deviceCodeSignIn({
    authorityHost: sandbox.url,
    tenant: sandbox.tenantId,
    clientId: GRAPH_CLI_CLIENT_ID,
    scopes: ADMIN_SCOPES,
    onCode: () => undefined,
  });
  return {
    sandbox,
    adminToken: signIn.accessToken,
    async faults(spec) {
      const res = await fetch(`${sandbox.url}/_sandbox/faults`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ spec }),
      });
      if (!res.ok) throw new Error(`faults ${spec}: HTTP ${res.status}`);
    },
    async stop() {
      await sandbox.stop();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** A POST with the test partner's API key (settings carry TEST_API_KEYS_SETTING) and, when given, the admin's bearer. */
export const postJson = (url: string, body: unknown, token?: string) =>
  fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-api-key": TEST_API_KEY,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
