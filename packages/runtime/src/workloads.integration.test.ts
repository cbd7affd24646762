/**
 * Boxafe 1.5 against the sandbox over HTTPS, as an admin would run it: setup with a certificate and
 * no secret, the PFX's own key getting a client-assertion token with every Table 1 app role, each
 * workload proven by its real call, and the EWS allow list from blocked to pending to working
 * (including the refusal to take EWS away from other apps without the explicit confirmation).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeCertificate } from "@boxafe-connect/certs";
import {
  boxafeProfile,
  EXCHANGE_POWERSHELL_CLIENT_ID,
  ewsAllow,
  ewsStatus,
  exchangeAdminScope,
  parseRequest,
  proveApp,
  resolveProfile,
  setup,
  setupRequestSchema,
} from "@boxafe-connect/core";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deviceCodeSignIn } from "./device-code.js";
import { createFetchHttpPort } from "./fetch-http-port.js";
import { type Harness, startHarness } from "./integration/harness.js";
import { createMsalAppTokenPort } from "./msal-token-port.js";
import { nodePorts } from "./node-ports.js";

const PFX_PASSWORD = "pfx-password-for-the-test";
const tableOneAppRoles = resolveProfile(boxafeProfile).filter((p) => p.kind === "application");

describe("Boxafe 1.5, workload proofs and the EWS allow list", () => {
  let h: Harness;
  let adminToken: string;
  let exchangeToken: string;
  let work: string;
  const http = createFetchHttpPort();

  beforeAll(async () => {
    h = await startHarness();
    adminToken = await h.signIn(h.sandbox.admin.upn);
    let approval: Promise<unknown> = Promise.resolve();
    // The second sign-in: Exchange Online, with the Exchange Online PowerShell module's public client.
    exchangeToken = (
      await deviceCodeSignIn({
        authorityHost: h.sandbox.url,
        tenant: h.sandbox.tenantId,
        clientId: EXCHANGE_POWERSHELL_CLIENT_ID,
        scopes: [exchangeAdminScope(h.cloud)],
        onCode: (info) => {
          approval = h.hook("device/approve", { user_code: info.userCode, upn: h.sandbox.admin.upn });
        },
      })
    ).accessToken;
    await approval;
    work = mkdtempSync(join(tmpdir(), "boxafe-pfx-"));
  }, 60_000);
  afterAll(async () => {
    rmSync(work, { recursive: true, force: true });
    await h?.stop();
  });

  it("walks from setup to an honest end: certificate only, every proof real, EWS blocked -> pending -> works", async () => {
    const appToken = createMsalAppTokenPort({ authorityHost: h.sandbox.url });
    const ports = {
      ...h.deps(h.graph(adminToken)),
      proof: { appToken, cloud: h.cloud },
      certificates: {
        make: (request: { subject: string; days: number }) =>
          makeCertificate(globalThis.crypto, { ...request, pfxPassword: PFX_PASSWORD }),
      },
    };
    const result = await setup(ports, parseRequest(setupRequestSchema, { boxafe: "1.5" }));
    expect(result.secret).toBeUndefined();
    expect(result.certificate?.pfx.byteLength).toBeGreaterThan(1000);
    expect(result.report?.complete).toBe(true);
    const state = await h.state();
    expect(state.applications[0]?.passwordCredentials).toHaveLength(0);
    expect(state.applications[0]?.keyCredentials).toHaveLength(1);

    // The PFX as Boxafe gets it: its key and certificate sign a client assertion that gets every role.
    const pfxFile = join(work, "boxafe.pfx");
    writeFileSync(pfxFile, result.certificate?.pfx ?? new Uint8Array(), { mode: 0o600 });
    const pem = execFileSync(
      "openssl",
      ["pkcs12", "-in", pfxFile, "-nodes", "-passin", `pass:${PFX_PASSWORD}`],
      {
        encoding: "utf8",
      },
    );
    const certificatePem =
      /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0] ?? "";
    const privateKeyPem = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/.exec(pem)?.[0] ?? "";
    expect(readFileSync(pfxFile).byteLength).toBeGreaterThan(0);
    const fromPfx = { kind: "certificate" as const, certificatePem, privateKeyPem };
    const audiences = {
      "microsoft-graph": "https://graph.microsoft.com",
      "exchange-online": "https://outlook.office365.com",
      sharepoint: "https://contoso.sharepoint.com",
      onenote: "https://onenote.com",
    } as const;
    for (const [resource, audience] of Object.entries(audiences)) {
      const token = await appToken.acquire({
        tenantId: h.sandbox.tenantId,
        clientId: result.clientId,
        credential: fromPfx,
        resource: audience,
      });
      const claims = decodeJwt(token);
      expect(claims.appidacr, resource).toBe("2");
      const wanted = tableOneAppRoles.filter((p) => p.resource === resource).map((p) => p.value);
      expect([...((claims.roles as string[]) ?? [])].sort(), resource).toEqual([...wanted].sort());
    }

    const target = {
      tenantId: h.sandbox.tenantId,
      initialDomain: h.sandbox.tenantDomain,
      cloud: h.cloud,
      appId: result.clientId,
    };
    const ewsDeps = { ...nodePorts(), http, exchangeToken: { getAccessToken: async () => exchangeToken } };
    const proof = (ewsAllowed: boolean) =>
      proveApp(
        { http, appToken, cloud: h.cloud },
        {
          tenantId: h.sandbox.tenantId,
          clientId: result.clientId,
          credential: fromPfx,
          sharePointTenant: "contoso",
          ewsAllowed,
        },
      );

    // Before the allow list: Graph and SharePoint (certificate) work, EWS is blocked with Microsoft's reason.
    const before = await proof(false);
    expect(before.ready).toEqual({ graph: "works", exchange: "blocked", sharepoint: "works" });
    expect(before.exchange.why).toContain("EWS is disabled for this user or tenant");
    expect(before.readiness.headline).not.toContain("can now back up this tenant");
    expect((await ewsStatus(ewsDeps, target)).state).toBe("blocked");

    // Allow: written and read back at once, enforced only after the propagation delay.
    await h.hook("exchange", { propagationMs: 3_600_000 });
    const allowed = await ewsAllow(ewsDeps, { ...target, confirmNarrowing: false });
    expect(allowed.outcome).toBe("written");
    expect(allowed.after).toMatchObject({ ewsEnabled: true, allowedAppIds: [result.clientId] });
    expect(allowed.powershell).toContain("Get-OrganizationConfig -RetrieveEwsOperationAccessPolicy");
    const pending = await proof(true);
    expect(pending.ready.exchange).toBe("pending");
    expect(pending.readiness.allWork).toBe(false);

    await h.hook("exchange", { propagationMs: 0 });
    const ready = await proof(true);
    expect(ready.ready).toEqual({ graph: "works", exchange: "works", sharepoint: "works" });
    expect(ready.readiness.headline).toContain("Boxafe can now back up this tenant");
    // A re-run finds nothing to write.
    expect((await ewsAllow(ewsDeps, { ...target, confirmNarrowing: false })).outcome).toBe("unchanged");
  }, 180_000);

  it("refuses to take EWS away from every other app without the explicit confirmation", async () => {
    const appId = (await h.state()).applications[0]?.appId ?? "";
    const target = {
      tenantId: h.sandbox.tenantId,
      initialDomain: h.sandbox.tenantDomain,
      cloud: h.cloud,
      appId,
    };
    const ewsDeps = { ...nodePorts(), http, exchangeToken: { getAccessToken: async () => exchangeToken } };
    await h.hook("exchange", { policy: { EwsEnabled: true, EwsAllowedAppIDs: null } });
    const refused = await ewsAllow(ewsDeps, { ...target, confirmNarrowing: false });
    expect(refused.outcome).toBe("needs-confirmation");
    expect(refused.change.effects[0]).toContain("BLOCKS EVERY OTHER EWS APP");
    expect(
      ((await h.hook("exchange")) as { written: { EwsAllowedAppIDs: unknown } }).written.EwsAllowedAppIDs,
    ).toBeNull();
    const confirmed = await ewsAllow(ewsDeps, { ...target, confirmNarrowing: true });
    expect(confirmed.outcome).toBe("written");
    expect(confirmed.after?.allowedAppIds).toEqual([appId]);
  }, 120_000);

  it("Boxafe 1.4's secret: the workload proof says SharePoint is blocked and why", async () => {
    const appToken = createMsalAppTokenPort({ authorityHost: h.sandbox.url });
    const legacy = await setup(
      { ...h.deps(h.graph(adminToken)), proof: { appToken, cloud: h.cloud } },
      parseRequest(setupRequestSchema, { boxafe: "1.4" }),
    );
    const secret = legacy.secret?.secretText ?? "";
    expect(secret).not.toBe("");
    const proof = await proveApp(
      { http, appToken, cloud: h.cloud },
      {
        tenantId: h.sandbox.tenantId,
        clientId: legacy.clientId,
        credential: { kind: "secret", secret },
        sharePointTenant: "contoso",
        ewsAllowed: true,
      },
    );
    expect(proof.ready.sharepoint).toBe("blocked");
    expect(proof.sharepoint.why).toContain("client secret");
    expect(proof.sharepoint.fix).toContain("1.5");
    expect(JSON.stringify(proof)).not.toContain(secret);
  }, 120_000);
});
