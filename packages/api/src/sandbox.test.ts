import { makeCertificate } from "@boxafe-connect/certs";
import {
  apply,
  boxafeProfile,
  desiredFrom,
  observe,
  plan,
  resolveProfile,
  uniqueNameFor,
} from "@boxafe-connect/core";
import { createGraphPort, nodePorts } from "@boxafe-connect/runtime";
import type { RunningSandbox } from "@boxafe-connect/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiUnderTest, startNodeApi, startWorkerPortsApi } from "./testing/api-under-test.js";
import { TEST_API_KEYS_SETTING } from "./testing/fakes.js";
import { postJson as post, type SandboxSession, startSandboxSession } from "./testing/sandbox-session.js";
import { startWorkerd } from "./testing/worker-bundle.js";

let session: SandboxSession;
let sandbox: RunningSandbox;
let adminToken: string;

beforeAll(async () => {
  session = await startSandboxSession();
  ({ sandbox, adminToken } = session);
});

afterAll(async () => {
  await session?.stop();
});

type Api = ApiUnderTest;

const settings = () => ({
  SANDBOX_ORIGIN: sandbox.url,
  API_KEYS: TEST_API_KEYS_SETTING,
  VERIFY_DEADLINE_MS: "30000",
  CREDENTIAL_GRACE_MS: "1000",
});

const nodeApi = () => startNodeApi(settings());
const workerPortsApi = () => startWorkerPortsApi(settings());

/** The bundled Worker inside workerd, whose own TLS client trusts the sandbox CA. */
async function workerdApi(): Promise<Api> {
  return startWorkerd(settings(), sandbox.caPem);
}

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
    const creds = (await setup.json()) as {
      tenantId: string;
      clientId: string;
      clientSecret?: string;
      sharePointTenant?: string;
      sharePoint?: { url: string; appId: string };
    };
    expect(creds.tenantId).toBe(sandbox.tenantId);
    expect(creds.sharePointTenant).toBe("contoso");
    expect(creds.sharePoint).toMatchObject({
      url: "https://contoso-admin.sharepoint.com/_layouts/15/appinv.aspx",
      appId: creds.clientId,
    });
    expect(creds.clientSecret).toBeTruthy();
    const secret = creds.clientSecret ?? "";

    const verified = await post(`${api.url}/v1/verify`, {
      tenantId: creds.tenantId,
      clientId: creds.clientId,
      clientSecret: secret,
      sharePointTenant: creds.sharePointTenant,
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

    // Without sharePointTenant, the app's own Graph token reads the name and SharePoint is proven.
    const unnamed = await post(`${api.url}/v1/verify`, {
      tenantId: creds.tenantId,
      clientId: creds.clientId,
      clientSecret: secret,
    });
    const unnamedReport = (await unnamed.json()) as {
      items: { resource: string; kind: string; status: string }[];
    };
    const sharePoint = unnamedReport.items.filter(
      (i) => i.resource === "sharepoint" && i.kind === "application",
    );
    expect(sharePoint.length).toBeGreaterThan(0);
    expect(sharePoint.every((i) => i.status === "granted")).toBe(true);

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
    const cert = await makeCertificate(globalThis.crypto, {
      subject: displayName,
      days: 90,
      pfxPassword: "unused",
    });
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
