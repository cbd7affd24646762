import { describe, expect, it } from "vitest";
import { sandboxEndpoints } from "../clouds.js";
import { fakeAppTokens } from "../testing/fake-app-tokens.js";
import { reply, scriptedHttp } from "../testing/scripted-http.js";
import { proofNotRun } from "../verify/not-run.js";
import type { HttpRequest, HttpResponse } from "./http-port.js";
import { proveWorkloads } from "./prove-workloads.js";
import { readiness } from "./readiness.js";
import { unprovenReport } from "./unproven.js";

const cloud = sandboxEndpoints("https://localhost:8443");
const base = {
  tenantId: "6f1d3c2a-8b4e-4d5f-9a7b-2c3e4f5a6b7c",
  clientId: "aaaaaaaa-0000-4000-8000-000000000001",
  cloud,
  sharePointTenant: "contoso",
};
const secret = { kind: "secret", secret: "s3cr3t-value" } as const;
const certificate = { kind: "certificate", privateKeyPem: "k", certificatePem: "c" } as const;
const INBOX = '<m:GetFolderResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode>';

function tenant(ews: (req: HttpRequest) => HttpResponse, sharePoint: (req: HttpRequest) => HttpResponse) {
  return scriptedHttp((req) => {
    if (req.url.includes("/v1.0/users"))
      return reply(200, {
        value: [{ userPrincipalName: "user@contoso.onmicrosoft.com", mail: "user@contoso.com" }],
      });
    if (req.url.endsWith("/EWS/Exchange.asmx")) return ews(req);
    if (req.url.endsWith("/_api/web")) return sharePoint(req);
    return reply(404);
  });
}

const tokens = () => fakeAppTokens(() => ["full_access_as_app", "User.Read.All", "Sites.FullControl.All"]);

describe("proveWorkloads", () => {
  it("reports blocked for EWS before the allow list and for SharePoint with a secret, each with its fix", async () => {
    const http = tenant(
      () => reply(403, "", { "x-ews-policy-reason": "EWS is disabled for this user or tenant" }),
      () => reply(401, "", { "x-ms-diagnostics": '3000003;reason="Unsupported app only token."' }),
    );
    const report = await proveWorkloads(
      { http, tokens: tokens() },
      { ...base, credential: secret, ewsAllowed: false },
    );
    expect(report.ready).toEqual({ graph: "works", exchange: "blocked", sharepoint: "blocked" });
    expect(report.exchange.why).toContain("EWS is disabled for this user or tenant");
    expect(report.exchange.fix).toContain("boxafe-connect ews allow");
    expect(report.sharepoint.why).toContain("client secret");
    expect(report.sharepoint.fix).toContain("--boxafe 1.5");
    // EWS opened the mailbox Graph listed, impersonating it.
    const ews = http.requests.find((r) => r.url.endsWith("/EWS/Exchange.asmx"));
    expect(ews?.headers["X-AnchorMailbox"]).toBe("user@contoso.com");
    expect(ews?.body).toContain("<t:SmtpAddress>user@contoso.com</t:SmtpAddress>");
    const end = readiness(report);
    expect(end.allWork).toBe(false);
    expect(end.headline).not.toContain("can now back up this tenant");
    expect(end.lines.map((l) => l.state)).toEqual(["works", "blocked", "blocked"]);
  });

  it("says pending while the written allow list has not reached EWS, and works once it answers", async () => {
    let allowed = false;
    const http = tenant(
      () =>
        allowed
          ? reply(200, INBOX)
          : reply(403, "", { "x-ews-policy-reason": "EWS is blocked by policy for this user or tenant" }),
      () => reply(200, { Title: "Contoso" }),
    );
    const request = { ...base, credential: certificate, ewsAllowed: true };
    const pending = await proveWorkloads({ http, tokens: tokens() }, request);
    expect(pending.ready.exchange).toBe("pending");
    expect(readiness(pending).lines[1]?.text).toContain("pending (up to 24 h)");
    allowed = true;
    const ready = await proveWorkloads({ http, tokens: tokens() }, request);
    expect(ready.ready).toEqual({ graph: "works", exchange: "works", sharepoint: "works" });
    expect(readiness(ready).headline).toContain("Boxafe can now back up this tenant");
  });

  it("names the missing role when EWS refuses the token (401 x-ms-diagnostics 2000008) or a token cannot be had", async () => {
    const http = tenant(
      () => reply(401, "", { "x-ms-diagnostics": '2000008;reason="The token contains no permissions"' }),
      () => reply(403, { error: "Access denied." }),
    );
    const report = await proveWorkloads(
      { http, tokens: tokens() },
      { ...base, credential: certificate, ewsAllowed: true },
    );
    expect(report.exchange).toMatchObject({ state: "blocked", status: 401 });
    expect(report.exchange.why).toContain("full_access_as_app");
    expect(report.sharepoint.why).toContain("Sites.FullControl.All");
    const refused = await proveWorkloads(
      { http, tokens: fakeAppTokens(() => "invalid_client") },
      { ...base, credential: secret, ewsAllowed: false },
    );
    // AADSTS7000215 is also what a new secret answers until Entra has it: pending, with both readings.
    expect(refused.ready).toEqual({ graph: "pending", exchange: "pending", sharepoint: "pending" });
    expect(refused.graph.fix).toContain("prove again shortly");
    expect(refused.graph.fix).toContain("not the one on the app");
    expect(readiness(refused).headline).not.toContain("can now back up this tenant");
    expect(JSON.stringify(refused)).not.toContain("s3cr3t-value");
  });
});

describe("unprovenReport (no real call possible, e.g. the web page)", () => {
  it("never says ready: EWS is blocked until the allow list is proven, SharePoint needs the certificate", () => {
    const withSecret = unprovenReport({ tokensComplete: true, certificate: false, clientId: "abc" });
    expect(withSecret.ready).toEqual({ graph: "works", exchange: "blocked", sharepoint: "blocked" });
    expect(readiness(withSecret).headline).not.toContain("can now back up this tenant");
    const withCertificate = unprovenReport({ tokensComplete: true, certificate: true, clientId: "abc" });
    expect(withCertificate.ready.sharepoint).toBe("pending");
    expect(withCertificate.sharepoint.fix).toContain("boxafe-connect verify --app-id abc --certificate-file");
  });

  it("a token proof that did not run leaves Graph pending with why, never works", () => {
    const notRun = unprovenReport({
      tokensComplete: true,
      certificate: false,
      clientId: "abc",
      tokensNotRun: proofNotRun("secret-held-elsewhere"),
    });
    expect(notRun.graph).toMatchObject({
      state: "pending",
      why: expect.stringContaining("not run: no secret here"),
    });
  });
});
