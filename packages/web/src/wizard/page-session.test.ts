// @vitest-environment node
/**
 * The page's setup walk on core's setup session (page-session.ts), driven by core's step loop
 * against the sandbox over HTTPS, with the page's own Graph client (graphPortFromClient over the
 * Graph SDK) and WebCrypto certificates: a second Boxafe 1.5 walk keeps the certificate the first
 * handed over (nothing made, added or written; the proofs not run), a new one is made only when
 * asked, and an unheld one is never kept. The page's walk also goes through the same phases and
 * effects as `setup --yes` on core's own session.
 */
import type {
  Effect,
  GraphPort,
  RuntimePorts,
  SetupRequest,
  VerificationReport,
  WizardState,
} from "@boxafe-connect/core";
import {
  adminScopes,
  answersUpFront,
  createSetupSession,
  DEFAULT_APP_NAME,
  driveSteps,
  graphPortFromClient,
  initialState,
  parseRequest,
  permissions,
  runEffect,
  sandboxEndpoints,
  setupRequestSchema,
} from "@boxafe-connect/core";
import { fakeAppTokens, fakeTenant, fakeTime } from "@boxafe-connect/core/testing";
import { deviceCodeSignIn, trustCa } from "@boxafe-connect/runtime";
import type { RunningSandbox } from "@boxafe-connect/sandbox";
import { GRAPH_CLI_CLIENT_ID, startSandbox } from "@boxafe-connect/sandbox";
import { Client } from "@microsoft/microsoft-graph-client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { browserPorts } from "../platform.js";
import { noBrowserRedemption } from "./add-certificate.js";
import { pageCertificateMaker } from "./boxafe-certificate.js";
import type { PageSetup } from "./page-session.js";
import { pageSetupSession } from "./page-session.js";

const roles = permissions.filter((p) => p.kind === "application").map((p) => p.value);
let sandbox: RunningSandbox;
let graph: GraphPort;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  trustCa(sandbox.caPem, sandbox.url);
  let approval: Promise<unknown> = Promise.resolve();
  const { accessToken } = await deviceCodeSignIn({
    authorityHost: sandbox.url,
    tenant: sandbox.tenantId,
    clientId: GRAPH_CLI_CLIENT_ID,
    scopes: adminScopes("https://graph.microsoft.com"),
    onCode: (info) => {
      approval = fetch(`${sandbox.url}/_sandbox/device/approve`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ user_code: info.userCode, upn: sandbox.admin.upn }),
      });
    },
  });
  await approval;
  // The page's Graph port (auth/session.ts): the Graph SDK client, the sandbox as one more Graph host.
  const client = Client.init({
    authProvider: (done) => done(null, accessToken),
    baseUrl: sandbox.url,
    defaultVersion: "v1.0",
    customHosts: new Set([new URL(sandbox.url).hostname]),
  });
  graph = graphPortFromClient(client);
}, 120_000);
afterAll(async () => {
  await sandbox?.stop();
});

const writes = () => sandbox.context.stats.snapshot().writes;
const keysOf = (clientId: string) => sandbox.context.dir.appByAppId(clientId)?.keyCredentials ?? [];

beforeEach(() => {
  sandbox.context.dir.reset();
});

function page(tenant: GraphPort = graph, time: RuntimePorts = browserPorts) {
  const cloud = sandboxEndpoints(sandbox.url);
  const made: string[] = [];
  const proved: string[] = [];
  const maker = pageCertificateMaker(globalThis.crypto);
  const walk = (request: SetupRequest): PageSetup =>
    pageSetupSession(
      {
        runtime: time,
        signIn: async () => ({ username: "admin@contoso.onmicrosoft.com", tenantId: "t", graph: tenant }),
        checkRole: async () => ({ roles: ["Global Administrator"] }),
        certificates: {
          async make(certificate) {
            const c = await maker.make(certificate);
            made.push(c.thumbprint);
            return c;
          },
        },
        proof: { appToken: noBrowserRedemption, cloud },
        // Consent read back only (the page redeems no credential): what it was asked to prove with.
        async prove(input): Promise<VerificationReport> {
          proved.push(input.credential?.kind ?? "none");
          return { complete: true, checkedAt: "2026-12-02T00:00:00Z", items: [], tokens: [] };
        },
      },
      request,
    );
  return { tenant, made, proved, walk };
}

async function drive(handlers: PageSetup["handlers"], trace?: { phases: string[]; effects: string[] }) {
  return driveSteps(
    {
      handlers,
      answer: answersUpFront({ displayName: DEFAULT_APP_NAME }),
      run: (effect: Effect, _state: WizardState, feed) => {
        trace?.effects.push(effect.type);
        return runEffect(handlers, effect, feed);
      },
      onState: (state) => {
        if (trace && trace.phases.at(-1) !== state.phase) trace.phases.push(state.phase);
      },
    },
    [initialState({ defaultDisplayName: DEFAULT_APP_NAME }), []],
  );
}

const boxafe15 = (extra: Record<string, unknown> = {}) =>
  parseRequest(setupRequestSchema, { boxafe: "1.5", ...extra });

describe("the page's Boxafe 1.5 walk, again", () => {
  it("keeps the handed-over certificate: nothing made, added or written, proofs not run", async () => {
    const p = page();
    const first = p.walk(boxafe15());
    const end1 = await drive(first.handlers);
    expect(end1.phase).toBe("done");
    const handed = first.handedOver().certificate;
    expect(handed?.pfxPassword).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{20}$/);
    expect(p.made).toEqual([handed?.thumbprint]);
    // The PFX was downloaded (held-rule.ts): the page calls the hand-over, core clears the mark.
    await first.session.handedOver();
    const clientId = end1.handOver?.clientId ?? "";
    const keys = () => keysOf(clientId);
    expect(keys()).toHaveLength(1);

    const before = writes();
    const second = p.walk(boxafe15());
    const end2 = await drive(second.handlers);
    expect(end2.phase).toBe("done");
    expect(end2.plan?.actions).toEqual([]);
    expect(end2.verification?.notRun).toBe("certificate-held-elsewhere");
    expect(second.session.keptCertificate()?.thumbprint).toBe(handed?.thumbprint);
    expect(second.handedOver()).toEqual({});
    expect(writes()).toBe(before);
    expect(p.made).toHaveLength(1);
    expect(keys()).toHaveLength(1);
    // Only the first walk's new certificate was proven (consent read back); the kept one never.
    expect(p.proved).toEqual(["certificate"]);
  }, 60_000);

  it("makes a new certificate only when the admin asks (newCertificate), and hands it over", async () => {
    const p = page();
    const first = p.walk(boxafe15());
    const end1 = await drive(first.handlers);
    await first.session.handedOver();
    const clientId = end1.handOver?.clientId ?? "";
    const again = p.walk(boxafe15({ newCertificate: true }));
    const end2 = await drive(again.handlers);
    expect(end2.plan?.actions.some((a) => a.includes("certificate"))).toBe(true);
    expect(again.session.keptCertificate()).toBeUndefined();
    expect(again.handedOver().certificate?.thumbprint).toBe(p.made[1]);
    expect(keysOf(clientId)).toHaveLength(2);
  }, 60_000);

  it("a first walk never handed over is not kept: the unheld key is replaced, not trusted", async () => {
    const p = page();
    await drive(p.walk(boxafe15()).handlers);
    // No download, no "I have saved the PFX": the pending mark stays.
    const again = p.walk(boxafe15());
    await drive(again.handlers);
    expect(again.session.keptCertificate()).toBeUndefined();
    expect(again.handedOver().certificate?.thumbprint).toBe(p.made[1]);
  }, 60_000);
});

describe("the page and setup --yes walk the same step machine", () => {
  it.each(["1.4", "1.5"] as const)(
    "Boxafe %s",
    async (boxafe) => {
      const request = parseRequest(setupRequestSchema, { boxafe });
      const byPage = { phases: [] as string[], effects: [] as string[] };
      await drive(page().walk(request).handlers, byPage);
      const time = fakeTime();
      const yes = createSetupSession(
        {
          signIn: async () => ({
            username: "admin@contoso.onmicrosoft.com",
            tenantId: "t",
            ports: {
              ...time,
              graph: fakeTenant(),
              proof: { appToken: fakeAppTokens(() => roles), cloud: sandboxEndpoints(sandbox.url) },
              certificates: pageCertificateMaker(globalThis.crypto),
            },
          }),
          checkRole: async () => ({ roles: ["Global Administrator"] }),
        },
        request,
      );
      const byYes = { phases: [] as string[], effects: [] as string[] };
      await drive(yes.handlers, byYes);
      expect(byPage.phases).toEqual(byYes.phases);
      expect(byPage.effects).toEqual(byYes.effects);
      expect(byPage.phases.at(-1)).toBe("done");
    },
    60_000,
  );
});
