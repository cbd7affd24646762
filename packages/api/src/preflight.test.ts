/**
 * POST /v1/preflight against the sandbox over HTTPS: the caller's token as sent decides what can be read (the API
 * cannot ask for Policy.Read.All), and the report follows the tenant's rules.
 */
import { adminScopes } from "@boxafe-connect/core";
import { deviceCodeSignIn } from "@boxafe-connect/runtime";
import { GRAPH_CLI_CLIENT_ID, setTenantPolicy } from "@boxafe-connect/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiServer } from "./node.js";
import { TEST_API_KEYS_SETTING } from "./testing/fakes.js";
import { postJson as post, type SandboxSession, startSandboxSession } from "./testing/sandbox-session.js";

let session: SandboxSession;
let api: { url: string; close(): Promise<void> };

interface Report {
  ok: boolean;
  checks: { id: string; status: string; evidence: string }[];
  credentials: { secretDays?: number; reasons: string[] };
}

beforeAll(async () => {
  session = await startSandboxSession();
  api = await startApiServer({
    port: 0,
    settings: { SANDBOX_ORIGIN: session.sandbox.url, API_KEYS: TEST_API_KEYS_SETTING },
    logger: () => undefined,
  });
});
afterAll(async () => {
  await api?.close();
  await session?.stop();
});

describe("POST /v1/preflight", () => {
  it("without Policy.Read.All in the token: the policy checks are unknown, the report is still ok", async () => {
    const res = await post(`${api.url}/v1/preflight`, {}, session.adminToken);
    expect(res.status).toBe(200);
    const report = (await res.json()) as Report;
    expect(report.ok).toBe(true);
    expect(report.checks.find((c) => c.id === "role")?.status).toBe("pass");
    expect(report.checks.find((c) => c.id === "app-management-policy")).toMatchObject({
      status: "unknown",
      evidence: expect.stringContaining("Policy.Read.All"),
    });
  });

  it("with Policy.Read.All: a 90-day secret cap makes the planned secret 90 days and says why", async () => {
    setTenantPolicy(session.sandbox.context.dir, { passwordMaxLifetime: "P90D" });
    const signIn = await deviceCodeSignIn({
      authorityHost: session.sandbox.url,
      tenant: session.sandbox.tenantId,
      clientId: GRAPH_CLI_CLIENT_ID,
      scopes: [...adminScopes("https://graph.microsoft.com"), "https://graph.microsoft.com/Policy.Read.All"],
      onCode: () => undefined,
    });
    const res = await post(`${api.url}/v1/preflight`, { secretLifetimeDays: 365 }, signIn.accessToken);
    expect(res.status).toBe(200);
    const report = (await res.json()) as Report;
    expect(report.checks.find((c) => c.id === "app-management-policy")?.status).toBe("warn");
    expect(report.credentials.secretDays).toBe(90);
    expect(report.credentials.reasons.join(" ")).toContain("caps client secrets at 90 days");
    expect(session.sandbox.context.dir.data.applications).toHaveLength(0);
  });

  it("needs the bearer token", async () => {
    expect((await post(`${api.url}/v1/preflight`, {})).status).toBe(401);
  });
});
