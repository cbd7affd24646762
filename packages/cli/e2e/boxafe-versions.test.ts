/**
 * `setup --yes --boxafe 1.5 --json` against a sandbox: no secret, a PFX (with its password) whose
 * certificate gets a client-assertion token with every Table 1 app role, the EWS step done with a
 * second sign-in, and an honest `ready` per workload, each proven by its real call. Boxafe 1.4: a
 * secret, and SharePoint reported blocked.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, rmSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { ConfidentialClientApplication } from "@azure/msal-node";
import { boxafeProfile, resolveProfile } from "@boxafe-connect/core";
import { trustCa } from "@boxafe-connect/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestEnv } from "./harness.js";
import { parseJson, setupApp, startTestEnv } from "./harness.js";

const tableOneRoles = resolveProfile(boxafeProfile).filter((p) => p.kind === "application");
const AUDIENCES = {
  "microsoft-graph": "https://graph.microsoft.com",
  "exchange-online": "https://outlook.office365.com",
  sharepoint: "https://contoso.sharepoint.com",
  onenote: "https://onenote.com",
} as const;

describe("setup --boxafe 1.5 | 1.4", () => {
  let t: TestEnv;
  /** Certificate files the CLI wrote into its working directory (this process's). */
  const written: string[] = [];
  const track = (doc: Record<string, unknown>) => {
    const files = (doc.certificate as { files?: Record<string, string> } | null)?.files ?? {};
    for (const file of Object.values(files)) written.push(resolve(file));
  };
  beforeAll(async () => {
    t = await startTestEnv({ ewsPropagationMs: 0 });
    // This process asks for tokens itself (as Boxafe would, with the PFX's key).
    trustCa(t.sandbox.caPem, t.sandbox.url);
  });
  afterAll(async () => {
    for (const file of written) rmSync(file, { force: true });
    await t?.close();
  });

  it("1.5: a PFX whose certificate gets every Table 1 role, EWS allowed, every workload proven", async () => {
    const run = await t.run([
      "setup",
      "--yes",
      "--boxafe",
      "1.5",
      "--ews",
      "allow",
      "--json",
      "--sandbox",
      t.sandbox.url,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const doc = parseJson(run);
    track(doc);
    expect(doc).toMatchObject({ ok: true, boxafe: "1.5", clientSecret: null });
    const clientId = String(doc.clientId);
    const certificate = doc.certificate as {
      files: { pfx: string; pem: string; cer: string };
      pfxPassword: string;
    };
    const pfx = resolve(certificate.files.pfx);
    expect(statSync(pfx).mode & 0o777).toBe(0o600);
    expect(doc.ews).toMatchObject({ mode: "allow", outcome: "written", needsConfirmation: false });
    expect(doc.ready).toEqual({ graph: "works", exchange: "works", sharepoint: "works" });
    const app = t.sandbox.context.dir.data.applications.find((a) => a.appId === clientId);
    expect(app?.passwordCredentials).toHaveLength(0);
    expect(app?.keyCredentials).toHaveLength(1);

    // What Boxafe does with the PFX: open it with its password and sign a client assertion.
    const pem = execFileSync(
      "openssl",
      ["pkcs12", "-in", pfx, "-nodes", "-passin", `pass:${certificate.pfxPassword}`],
      {
        encoding: "utf8",
      },
    );
    const x5c = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0] ?? "";
    const privateKey = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/.exec(pem)?.[0] ?? "";
    const der = Buffer.from(x5c.replace(/-----[^-]+-----|\s/g, ""), "base64");
    const cca = new ConfidentialClientApplication({
      auth: {
        clientId,
        authority: `${t.sandbox.url}/${t.sandbox.tenantId}`,
        knownAuthorities: [new URL(t.sandbox.url).host],
        clientCertificate: {
          privateKey,
          thumbprintSha256: createHash("sha256").update(der).digest("hex"),
          x5c,
        },
      },
    });
    for (const [resource, audience] of Object.entries(AUDIENCES)) {
      const result = await cca.acquireTokenByClientCredential({
        scopes: [`${audience}/.default`],
        skipCache: true,
      });
      const claims = JSON.parse(
        Buffer.from((result?.accessToken ?? "").split(".")[1] ?? "", "base64url").toString("utf8"),
      ) as Record<string, unknown>;
      expect(claims.appidacr, resource).toBe("2");
      const wanted = tableOneRoles.filter((p) => p.resource === resource).map((p) => p.value);
      expect([...((claims.roles as string[]) ?? [])].sort(), resource).toEqual([...wanted].sort());
    }
    expect(readFileSync(resolve(certificate.files.cer)).byteLength).toBeGreaterThan(0);
    expect(run.stderr).not.toContain(certificate.pfxPassword);
  });

  it("1.4: a secret, EWS only printed, and SharePoint blocked for the secret (never 'ready')", async () => {
    t.sandbox.context.dir.reset();
    t.sandbox.context.exchange.reset();
    const { doc } = await setupApp(t, ["--boxafe", "1.4"]);
    expect(String(doc.clientSecret)).toMatch(/Q~/);
    expect(doc.ews).toMatchObject({ mode: "print" });
    expect(String((doc.ews as { powershell: string }).powershell)).toContain(
      "Set-OrganizationConfig -EwsAllowedAppIDs $ids",
    );
    expect(doc.ready).toEqual({ graph: "works", exchange: "blocked", sharepoint: "blocked" });
    const workloads = doc.workloads as { sharepoint: { why: string }; exchange: { why: string } };
    expect(workloads.sharepoint.why).toContain("client secret");
    expect(workloads.exchange.why).toContain("EWS is disabled for this user or tenant");
  });

  it("--yes --ews allow does not take EWS away from other apps without --confirm-ews-change", async () => {
    t.sandbox.context.dir.reset();
    t.sandbox.context.exchange.seed({
      EwsEnabled: true,
      EwsApplicationAccessPolicy: null,
      EwsAllowList: null,
      EwsBlockList: null,
      EwsAllowedAppIDs: null,
    });
    const { doc } = await setupApp(t, ["--ews", "allow"]);
    track(doc);
    expect(doc.ews).toMatchObject({ mode: "allow", outcome: "needs-confirmation", needsConfirmation: true });
    expect(t.sandbox.context.exchange.written().EwsAllowedAppIDs).toBeNull();
    const bad = await t.run(["setup", "--yes", "--boxafe", "1.3", "--json", "--sandbox", t.sandbox.url]);
    expect(bad.code).toBe(2);
    expect(parseJson(bad)).toMatchObject({ ok: false, error: { field: "boxafe" } });
  });
});
