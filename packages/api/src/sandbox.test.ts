/**
 * End to end against the sandbox tenant over real HTTPS: an admin signs in by device code
 * (msal-node), then /v1/plan -> /v1/setup -> /v1/verify through the API over HTTP. Run three times:
 * with the Node ports (msal-node, Graph SDK), with the Worker's fetch ports executed in Node, and
 * with the bundled Worker running inside workerd (Miniflare) and calling the sandbox itself.
 */
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  apply,
  boxafeProfile,
  desiredFrom,
  observe,
  plan,
  resolveProfile,
  uniqueNameFor,
} from "@boxafe-connect/core";
import {
  createCertificate,
  createGraphPort,
  deviceCodeSignIn,
  nodePorts,
  trustCa,
} from "@boxafe-connect/runtime";
import { GRAPH_CLI_CLIENT_ID, type RunningSandbox, startSandbox } from "@boxafe-connect/sandbox";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccessLogEntry } from "./config.js";
import { startApiServer } from "./node.js";
import { startWorkerd } from "./testing/worker-bundle.js";
import { createWorkerApp } from "./worker.js";

const ADMIN_SCOPES = [
  "https://graph.microsoft.com/Application.ReadWrite.All",
  "https://graph.microsoft.com/AppRoleAssignment.ReadWrite.All",
  "https://graph.microsoft.com/DelegatedPermissionGrant.ReadWrite.All",
];

let sandbox: RunningSandbox;
let home: string;
let adminToken: string;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), "boxafe-api-sandbox-"));
  sandbox = await startSandbox({ port: 0, autoApprove: true, home });
  trustCa(sandbox.caPem);
  const signIn = await deviceCodeSignIn({
    authorityHost: sandbox.url,
    tenant: sandbox.tenantId,
    clientId: GRAPH_CLI_CLIENT_ID,
    scopes: ADMIN_SCOPES,
    onCode: () => undefined,
  });
  adminToken = signIn.accessToken;
});

afterAll(async () => {
  await sandbox?.stop();
  if (home) rmSync(home, { recursive: true, force: true });
});

interface Api {
  url: string;
  logs: AccessLogEntry[];
  close(): Promise<void>;
}

const settings = () => ({
  SANDBOX_ORIGIN: sandbox.url,
  VERIFY_DEADLINE_MS: "30000",
  CREDENTIAL_GRACE_MS: "1000",
});

async function nodeApi(): Promise<Api> {
  const logs: AccessLogEntry[] = [];
  const api = await startApiServer({ port: 0, settings: settings(), logger: (e) => logs.push(e) });
  return { url: api.url, logs, close: api.close };
}

async function workerPortsApi(): Promise<Api> {
  const logs: AccessLogEntry[] = [];
  const app = createWorkerApp(settings(), { logger: (e) => logs.push(e) });
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) =>
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        logs,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    );
  });
}

/** The bundled Worker inside workerd, whose own TLS client trusts the sandbox CA. */
async function workerdApi(): Promise<Api> {
  return startWorkerd(settings(), sandbox.caPem);
}

const post = (url: string, body: unknown, token?: string) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

describe.each([
  ["Node ports (msal-node, Graph SDK)", nodeApi, "QNAP Boxafe"],
  ["Worker fetch ports", workerPortsApi, "QNAP Boxafe Edge"],
  ["the bundled Worker in workerd (Miniflare)", workerdApi, "QNAP Boxafe Workerd"],
])("API end to end on the sandbox with %s", (_name, start, displayName) => {
  let api: Api;
  beforeAll(async () => {
    api = await start();
  });
  afterAll(async () => {
    await api?.close();
  });

  it("plans, sets up, and verifies every permission with the returned credentials", async () => {
    const planned = await post(`${api.url}/v1/plan`, { displayName }, adminToken);
    expect(planned.status).toBe(200);
    const plan = (await planned.json()) as { tenant: { id: string }; actions: unknown[]; upToDate: boolean };
    expect(plan.tenant.id).toBe(sandbox.tenantId);
    expect(plan.upToDate).toBe(false);
    expect(plan.actions.length).toBeGreaterThan(3);

    const setup = await post(`${api.url}/v1/setup`, { displayName }, adminToken);
    expect(setup.status).toBe(200);
    expect(setup.headers.get("cache-control")).toBe("no-store");
    const creds = (await setup.json()) as { tenantId: string; clientId: string; clientSecret?: string };
    expect(creds.tenantId).toBe(sandbox.tenantId);
    expect(creds.clientSecret).toBeTruthy();
    const secret = creds.clientSecret ?? "";

    const verified = await post(`${api.url}/v1/verify`, {
      tenantId: creds.tenantId,
      clientId: creds.clientId,
      clientSecret: secret,
      sharePointTenant: "contoso",
    });
    expect(verified.status).toBe(200);
    const report = (await verified.json()) as {
      complete: boolean;
      items: { value: string; kind: string; status: string }[];
    };
    const notGranted = report.items.filter((i) => i.status !== "granted" && i.status !== "unverifiable");
    expect(notGranted).toEqual([]);
    expect(report).toMatchObject({ complete: true });
    expect(report.items.filter((i) => i.status === "granted").length).toBeGreaterThanOrEqual(20);

    // A re-plan finds nothing to do; a second setup makes no second secret.
    const again = (await (await post(`${api.url}/v1/plan`, { displayName }, adminToken)).json()) as {
      upToDate: boolean;
      steps: string[];
    };
    expect(again.steps).toEqual([]);
    expect(again.upToDate).toBe(true);

    // Every request was logged, and the secret never appears in a log line.
    await new Promise((resolve) => setTimeout(resolve, 100)); // workerd's stdout arrives asynchronously
    expect(api.logs.map((l) => l.route)).toEqual(
      expect.arrayContaining(["/v1/plan", "/v1/setup", "/v1/verify"]),
    );
    expect(JSON.stringify(api.logs)).not.toContain(secret);
    expect(JSON.stringify(api.logs)).not.toContain(adminToken.slice(0, 40));
  });

  it("reports a wrong secret as an authentication failure, not a 500", async () => {
    const state = (await (await fetch(`${sandbox.url}/_sandbox/state`)).json()) as {
      applications: { appId: string; displayName: string }[];
    };
    const app = state.applications.find((a) => a.displayName === displayName);
    expect(app).toBeDefined();
    const wrong = "Wrong~secret.value_0000000000000000000";
    const res = await post(`${api.url}/v1/verify`, {
      tenantId: sandbox.tenantId,
      clientId: app?.appId,
      clientSecret: wrong,
    });
    const text = await res.text();
    expect(res.status).toBeLessThan(500);
    expect(text).toContain("invalid_client_credentials");
    expect(text).not.toContain(wrong);
  });

  it("verifies with a certificate (client assertion) as well as with the secret", async () => {
    const cert = await createCertificate({ subject: displayName, days: 90, pfxPassword: "unused" });
    // Register the certificate with core directly, as `boxafe-connect setup --certificate` would.
    const deps = {
      ...nodePorts(),
      graph: createGraphPort({ baseUrl: sandbox.url, getAccessToken: async () => adminToken }),
    };
    const appKey = { uniqueName: uniqueNameFor(displayName) };
    const observed = await observe(deps, appKey);
    const now = Date.now();
    const want = desiredFrom(
      resolveProfile(boxafeProfile),
      {
        appKey,
        displayName,
        certificate: {
          displayName: `CN=${displayName}`,
          derBase64: cert.derBase64,
          thumbprint: cert.thumbprint,
          endDateTime: cert.notAfter,
        },
      },
      now,
    );
    const applied = await apply(deps, plan(want, observed, now), observed);
    const res = await post(`${api.url}/v1/verify`, {
      tenantId: sandbox.tenantDomain,
      clientId: applied.application.appId,
      certificate: { certificatePem: cert.certificatePem, privateKeyPem: cert.privateKeyPem },
      sharePointTenant: "contoso",
    });
    expect(res.status).toBe(200);
    const report = (await res.json()) as { complete: boolean; tokens: { ok: boolean }[] };
    expect(report.tokens.every((t) => t.ok)).toBe(true);
    expect(report.complete).toBe(true);
    expect(JSON.stringify(api.logs)).not.toContain("PRIVATE KEY");
  });

  it("refuses plan for a token without an admin role, before touching the tenant", async () => {
    await fetch(`${sandbox.url}/_sandbox/stats/reset`, { method: "POST", body: "{}" });
    const res = await post(`${api.url}/v1/plan`, {}, noRoleToken());
    expect(res.status).toBe(403);
    expect(((await res.json()) as { code: string }).code).toBe("insufficient_role");
    const stats = (await (await fetch(`${sandbox.url}/_sandbox/stats`)).json()) as { roundTrips: number };
    expect(stats.roundTrips).toBe(0);
  });
});

function noRoleToken(): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
  return `${enc({ alg: "none" })}.${enc({ tid: sandbox.tenantId, wids: [] })}.`;
}

describe("API on a slow, throttling tenant (sandbox faults)", () => {
  let api: Api;
  const faults = (spec: string) =>
    fetch(`${sandbox.url}/_sandbox/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ spec }),
    });
  beforeAll(async () => {
    const logs: AccessLogEntry[] = [];
    const started = await startApiServer({
      port: 0,
      settings: {
        SANDBOX_ORIGIN: sandbox.url,
        OUTBOUND_TIMEOUT_MS: "300",
        RETRY_BUDGET_MS: "1500",
        VERIFY_DEADLINE_MS: "500",
      },
      logger: (e) => logs.push(e),
    });
    api = { url: started.url, logs, close: started.close };
  });
  afterAll(async () => {
    await faults("latency=0,throttle=0");
    await api?.close();
  });

  it("answers plan with a typed 5xx within its budget when every call outlasts the outbound timeout", async () => {
    expect((await faults("latency=800")).ok).toBe(true);
    const started = Date.now();
    const res = await post(`${api.url}/v1/plan`, {}, adminToken);
    const elapsed = Date.now() - started;
    const body = (await res.json()) as { code: string; requestId: string };
    expect(res.status).toBeGreaterThanOrEqual(502);
    expect(res.status).not.toBe(500);
    expect(["unreachable", "graph_request_failed", "replication_timeout", "throttled"]).toContain(body.code);
    expect(elapsed).toBeLessThan(15_000); // a bound, not a benchmark: without timeouts this waits out 800 ms x retries x waves
  });

  it("reports token timeouts in the verify report instead of failing the request", async () => {
    expect((await faults("latency=800")).ok).toBe(true);
    const res = await post(`${api.url}/v1/verify`, {
      tenantId: sandbox.tenantId,
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
    expect((await faults("latency=0,throttle=0.3,retryAfter=0")).ok).toBe(true);
    const res = await post(`${api.url}/v1/plan`, { displayName: "QNAP Boxafe" }, adminToken);
    expect([200, 429, 502, 503]).toContain(res.status);
    const body = (await res.json()) as { actions?: unknown[]; code?: string };
    // Either the plan (core retried the 429s) or a typed throttling error: never a generic 500.
    if (res.status === 200) expect(Array.isArray(body.actions)).toBe(true);
    else expect(["throttled", "graph_request_failed", "replication_timeout"]).toContain(body.code);
  });
});
