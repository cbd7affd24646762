import { type CreatedCertificate, makeCertificate, signClientAssertion } from "@boxafe-connect/certs";
import {
  apply,
  boxafeProfile,
  desiredFrom,
  observe,
  plan,
  resolveProfile,
  tokenEndpoint,
  uniqueNameFor,
} from "@boxafe-connect/core";
import { createGraphPort, nodePorts } from "@boxafe-connect/runtime";
import type { RunningSandbox } from "@boxafe-connect/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiServer } from "../node.js";
import { type ApiUnderTest, startNodeApi, startWorkerPortsApi } from "../testing/api-under-test.js";
import { TEST_API_KEYS_SETTING } from "../testing/fakes.js";
import { postJson as post, type SandboxSession, startSandboxSession } from "../testing/sandbox-session.js";

let session: SandboxSession;
let sandbox: RunningSandbox;
let cert: CreatedCertificate;
let clientId: string;
let secret: string;
const displayName = "QNAP Boxafe Prove";

type Api = ApiUnderTest;

const settings = () => ({ SANDBOX_ORIGIN: sandbox.url, API_KEYS: TEST_API_KEYS_SETTING });

beforeAll(async () => {
  session = await startSandboxSession();
  sandbox = session.sandbox;
  await fetch(`${sandbox.url}/_sandbox/exchange`, {
    method: "POST",
    body: JSON.stringify({ propagationMs: 0 }),
  });
  // The app with Boxafe 1.4's secret (the API's setup), then Boxafe 1.5's certificate beside it.
  const api = await startApiServer({ port: 0, settings: settings(), logger: () => undefined });
  const setup = await post(`${api.url}/v1/setup`, { displayName }, session.adminToken);
  const creds = (await setup.json()) as { clientId: string; clientSecret: string };
  await api.close();
  clientId = creds.clientId;
  secret = creds.clientSecret;
  cert = await makeCertificate(globalThis.crypto, { subject: displayName, days: 30, pfxPassword: "unused" });
  const deps = {
    ...nodePorts(),
    graph: createGraphPort({ baseUrl: sandbox.url, getAccessToken: async () => session.adminToken }),
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
  await apply(deps, plan(want, observed, now), observed);
});

afterAll(async () => {
  await session?.stop();
});

const nowSeconds = () => Math.floor(Date.now() / 1000);

function sign(overrides: { audience?: string; lifetimeSeconds?: number; nowSeconds?: number } = {}) {
  return signClientAssertion(globalThis.crypto, {
    privateKeyPem: cert.privateKeyPem,
    derBase64: cert.derBase64,
    clientId,
    audience: overrides.audience ?? tokenEndpoint(sandbox.url, sandbox.tenantId),
    nowSeconds: overrides.nowSeconds ?? nowSeconds(),
    ...(overrides.lifetimeSeconds === undefined ? {} : { lifetimeSeconds: overrides.lifetimeSeconds }),
  });
}

async function assertions() {
  return { graph: await sign(), exchange: await sign(), sharepoint: await sign() };
}

interface Report {
  graph: { state: string; call: string };
  exchange: { state: string; why?: string; fix?: string };
  sharepoint: { state: string; why?: string; fix?: string };
  ready: Record<string, string>;
  readiness: { allWork: boolean; headline: string };
}

const nodeApi = () => startNodeApi(settings());
const workerPortsApi = () => startWorkerPortsApi(settings());

describe.each([
  ["Node ports (msal-node)", nodeApi],
  ["Worker fetch ports", workerPortsApi],
])("POST /v1/prove on the sandbox with %s", (_name, start) => {
  let api: Api;
  beforeAll(async () => {
    api = await start();
  });
  afterAll(async () => {
    await api?.close();
  });

  const prove = async (body: Record<string, unknown>) =>
    post(`${api.url}/v1/prove`, {
      tenantId: sandbox.tenantId,
      clientId,
      sharePointTenant: "contoso",
      ...body,
    });

  it("proves Graph and SharePoint with the certificate's assertions; EWS is blocked until the allow list", async () => {
    await fetch(`${sandbox.url}/_sandbox/exchange`, {
      method: "POST",
      body: JSON.stringify({ policy: { EwsEnabled: null, EwsAllowedAppIDs: null } }),
    });
    const signed = await assertions();
    const res = await prove({ credential: { assertions: signed } });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const report = (await res.json()) as Report;
    expect(report.ready).toEqual({ graph: "works", sharepoint: "works", exchange: "blocked" });
    expect(report.exchange.why).toContain("X-EWS-Policy-Reason");
    expect(report.exchange.fix).toContain("allow list");
    expect(report.readiness.allWork).toBe(false);
    // Only the route name is logged: no assertion, no key.
    const logged = JSON.stringify(api.logs);
    expect(logged).toContain("/v1/prove");
    expect(logged).not.toContain(signed.graph.slice(0, 40));
  });

  it("reports EWS pending while the written list propagates, then works once it is in force", async () => {
    await fetch(`${sandbox.url}/_sandbox/exchange`, {
      method: "POST",
      body: JSON.stringify({
        policy: { EwsEnabled: null, EwsAllowedAppIDs: null },
        propagationMs: 3_600_000,
      }),
    });
    // The list is written (as ews allow does) but not yet in force: the proof says pending.
    const written = await fetch(`${sandbox.url}/_sandbox/exchange`, {
      method: "POST",
      body: JSON.stringify({ propagationMs: 3_600_000 }),
    });
    expect(written.status).toBe(200);
    const pending = (await (
      await prove({ credential: { assertions: await assertions() }, ewsAllowed: true })
    ).json()) as Report;
    expect(pending.ready.exchange).toBe("pending");
    await fetch(`${sandbox.url}/_sandbox/exchange`, {
      method: "POST",
      body: JSON.stringify({ policy: { EwsEnabled: true, EwsAllowedAppIDs: [clientId] }, propagationMs: 0 }),
    });
    const works = (await (
      await prove({ credential: { assertions: await assertions() }, ewsAllowed: true })
    ).json()) as Report;
    expect(works.ready).toEqual({ graph: "works", sharepoint: "works", exchange: "works" });
    expect(works.readiness.allWork).toBe(true);
  });

  it("with Boxafe 1.4's secret, SharePoint is blocked: secret app-only tokens are refused", async () => {
    const report = (await (await prove({ credential: { clientSecret: secret } })).json()) as Report;
    expect(report.ready.graph).toBe("works");
    expect(report.sharepoint.state).toBe("blocked");
    expect(report.sharepoint.why).toContain("client secret");
    expect(report.sharepoint.fix).toContain("certificate");
    expect(JSON.stringify(api.logs)).not.toContain(secret);
  });

  it.each([
    ["expired", () => sign({ nowSeconds: nowSeconds() - 3600 }), "has expired"],
    [
      "for another token endpoint",
      () => sign({ audience: "https://login.microsoftonline.com/common/oauth2/v2.0/token" }),
      "must have aud",
    ],
  ])(
    "refuses an assertion that is %s with 400 naming it, before any token request",
    async (_n, make, message) => {
      const signed = await assertions();
      const res = await prove({ credential: { assertions: { ...signed, exchange: await make() } } });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { code: string; field: string; message: string };
      expect(body).toMatchObject({ code: "invalid_input", field: "credential.assertions.exchange" });
      expect(body.message).toContain(message);
    },
  );

  it("refuses the same assertion posted for two workloads (one jti)", async () => {
    const one = await sign();
    const res = await prove({
      credential: { assertions: { graph: one, exchange: one, sharepoint: await sign() } },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toContain("jti");
  });

  it("reports an assertion signed with a key the app does not hold as not working (pending: it may be propagating), not a 500", async () => {
    const other = await makeCertificate(globalThis.crypto, { subject: "Other", days: 30, pfxPassword: "x" });
    const foreign = await signClientAssertion(globalThis.crypto, {
      privateKeyPem: other.privateKeyPem,
      derBase64: other.derBase64,
      clientId,
      audience: tokenEndpoint(sandbox.url, sandbox.tenantId),
      nowSeconds: nowSeconds(),
    });
    const signed = await assertions();
    const res = await prove({ credential: { assertions: { ...signed, graph: foreign } } });
    expect(res.status).toBe(200);
    const report = (await res.json()) as Report & { graph: { fix?: string } };
    // AADSTS700027 is also what a new certificate answers until Entra has it: pending, saying both.
    expect(report.graph.state).toBe("pending");
    expect(report.graph.fix).toContain("not the one on the app");
    expect(report.ready.sharepoint).toBe("works");
  });
});
