/**
 * One test per tenant rule of issue 18, against the sandbox over HTTPS with the built CLI: preflight reads the
 * rule before any write, and setup plans what the tenant allows.
 */
import { setPolicies, setTenantPolicy } from "@boxafe-connect/sandbox";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TestEnv } from "./harness.js";
import { parseJson, setupApp, startTestEnv } from "./harness.js";

interface Check {
  readonly id: string;
  readonly status: string;
  readonly evidence: string;
  readonly fix?: string;
}
interface SetupDoc {
  readonly ok: boolean;
  readonly clientId: string;
  readonly clientSecret: string | null;
  readonly secretExpiresAt: string | null;
  readonly certificate: { readonly thumbprint: string; readonly notAfter: string } | null;
  readonly verification: { readonly complete: boolean } | null;
  readonly workloads: Record<string, { readonly state: string; readonly status?: number }> | null;
  readonly preflight: {
    readonly ok: boolean;
    readonly checks: readonly Check[];
    readonly credentials: {
      readonly secretDays?: number;
      readonly certificateDays?: number;
      readonly reasons: string[];
    };
    readonly signInFlow: string;
  };
}

const DAY = 86_400_000;

describe("preflight: the tenant's rules before any write", () => {
  let t: TestEnv;
  /** The sandbox's own /_sandbox/policy and /_sandbox/policies hooks, called in-process. */
  const hook = async (path: "policy" | "policies", body: unknown) => {
    const dir = t.sandbox.context.dir;
    const out = path === "policy" ? setTenantPolicy(dir, body) : setPolicies(dir, body);
    expect(out).not.toHaveProperty("error");
  };
  const stats = async () => t.sandbox.context.stats.snapshot();
  // Boxafe 1.4 takes a client secret, so the secret policies (blocked, capped lifetime) shape the plan;
  // 1.5, the default since 61f153a, takes a certificate whatever they say.
  const setup = (upn = "admin@contoso.onmicrosoft.com", extra: string[] = []) =>
    t.run(
      ["setup", "--yes", "--json", "--boxafe", "1.4", "--as", upn, "--sandbox", t.sandbox.url, ...extra],
      {
        cwd: t.dir,
      },
    );
  const check = (doc: SetupDoc, id: string) => doc.preflight.checks.find((c) => c.id === id);
  /**
   * Failed requests: 404 is how observe learns that the app does not exist yet, and the workload
   * proofs at the end of setup (61f153a) report their refusals in the document (EWS off the allow
   * list: 403; SharePoint refusing a secret's app-only token: 401), so those answers are not failures
   * either. Anything else >= 400 is.
   */
  const failures = (byStatus: Record<string, number>, doc: SetupDoc) => {
    const probed = new Map<string, number>();
    for (const proof of Object.values(doc.workloads ?? {})) {
      if (proof.state !== "works" && proof.status !== undefined && proof.status >= 400)
        probed.set(String(proof.status), (probed.get(String(proof.status)) ?? 0) + 1);
    }
    return Object.entries(byStatus)
      .map(([status, n]): [string, number] => [status, n - (probed.get(status) ?? 0)])
      .filter(([status, n]) => Number(status) >= 400 && status !== "404" && n > 0);
  };

  beforeAll(async () => {
    t = await startTestEnv();
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(() => {
    t.sandbox.context.dir.reset();
    t.sandbox.context.stats.reset();
  });

  it("secrets blocked: setup plans a certificate, proves it and writes with 0 failed requests", async () => {
    await hook("policy", { passwordAdditionBlocked: true });
    const run = await setup();
    expect(run.code, run.stderr).toBe(0);
    const doc = parseJson(run) as unknown as SetupDoc;
    expect(check(doc, "app-management-policy")).toMatchObject({
      status: "warn",
      evidence: expect.stringContaining("client secrets are blocked"),
    });
    expect(doc.preflight.credentials).toMatchObject({ certificateDays: 365 });
    expect(doc.preflight.credentials.reasons.join(" ")).toContain("gets a certificate instead of a secret");
    expect(doc.clientSecret).toBeNull();
    expect(doc.certificate?.thumbprint).toBeTruthy();
    expect(doc.verification?.complete).toBe(true);
    const app = t.sandbox.context.dir.appByAppId(doc.clientId);
    expect(app?.passwordCredentials).toHaveLength(0);
    expect(app?.keyCredentials).toHaveLength(1);
    const after = await stats();
    expect(after.writes).toBeGreaterThan(0);
    expect(failures(after.byStatus, doc)).toEqual([]);

    // A re-run finds the certificate and writes nothing.
    t.sandbox.context.stats.reset();
    const again = await setup();
    expect(again.code, `${again.stderr}\n${again.stdout}`).toBe(0);
    const second = parseJson(again) as unknown as SetupDoc;
    expect(second.preflight.credentials.reasons.join(" ")).toContain("already holds a certificate");
    expect((await stats()).writes).toBe(0);
    expect(t.sandbox.context.dir.appByAppId(doc.clientId)?.keyCredentials).toHaveLength(1);
  });

  it("secrets blocked with Boxafe 1.5 (the default): the certificate-only plan passes, nothing replanned", async () => {
    await hook("policy", { passwordAdditionBlocked: true });
    const app = await setupApp(t, ["--as", "admin@contoso.onmicrosoft.com"], { cwd: t.dir });
    const doc = app.doc as unknown as SetupDoc;
    expect(check(doc, "app-management-policy")).toMatchObject({
      status: "pass",
      evidence: expect.stringContaining("client secrets are blocked"),
    });
    expect(doc.preflight.credentials).toEqual({ certificateDays: 365, reasons: [] });
    expect(doc.clientSecret).toBeNull();
    expect(doc.certificate?.thumbprint).toBeTruthy();
    expect(doc.verification?.complete).toBe(true);
    expect(failures((await stats()).byStatus, doc)).toEqual([]);
  });

  it("secret lifetime capped at 90 days: the plan uses at most 90 and says so", async () => {
    await hook("policy", { passwordMaxLifetime: "P90D" });
    const run = await setup();
    expect(run.code, run.stderr).toBe(0);
    const doc = parseJson(run) as unknown as SetupDoc;
    expect(doc.preflight.credentials.secretDays).toBe(90);
    expect(doc.preflight.credentials.reasons.join(" ")).toContain(
      "caps client secrets at 90 days, so the secret lasts 90 days instead of 180",
    );
    const days = (Date.parse(doc.secretExpiresAt ?? "") - Date.now()) / DAY;
    expect(days).toBeLessThanOrEqual(90);
    expect(days).toBeGreaterThan(88);
    expect(failures((await stats()).byStatus, doc)).toEqual([]);
  });

  it("app registration disabled with a Privileged Role Administrator: fails before any write, with the fix", async () => {
    await hook("policies", { allowedToCreateApps: false });
    const run = await t.run([
      "setup",
      "--yes",
      "--as",
      "pra@contoso.onmicrosoft.com",
      "--sandbox",
      t.sandbox.url,
    ]);
    expect(run.code, run.stderr).toBe(7);
    expect(run.stderr).toContain("FAIL    App registration allowed");
    expect(run.stderr).toContain('"Users can register applications" is No');
    expect(run.stderr).toContain("re-run with --app-id");
    expect(run.stderr).toContain("Error: Nothing was written.");
    expect((await stats()).writes).toBe(0);
    expect(t.sandbox.context.dir.data.applications).toHaveLength(0);

    const alone = await t.run([
      "preflight",
      "--json",
      "--as",
      "pra@contoso.onmicrosoft.com",
      "--sandbox",
      t.sandbox.url,
    ]);
    expect(alone.code).toBe(7);
    const doc = parseJson(alone) as { ok: boolean; checks: Check[] };
    expect(doc.ok).toBe(false);
    expect(doc.checks.find((c) => c.id === "app-registration")?.status).toBe("fail");
  });

  it("device code blocked: the browser sign-in is used and preflight warns", async () => {
    await hook("policies", { deviceCodeBlock: "enabled" });
    const run = await setup();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      "Device code sign-in was refused (AADSTS53003); signing in with the browser instead.",
    );
    const doc = parseJson(run) as unknown as SetupDoc;
    expect(check(doc, "device-code")).toMatchObject({
      status: "warn",
      evidence: expect.stringContaining(
        "'Block device code flow' (Microsoft-managed) blocks device code sign-in",
      ),
    });
    expect(check(doc, "device-code")?.evidence).toContain("This sign-in used the browser flow.");
    expect(doc.preflight.signInFlow).toBe("browser");
    expect(doc.verification?.complete).toBe(true);
  });

  it("Policy.Read.All refused: the policy checks are unknown and setup continues", async () => {
    await hook("policies", { declinedScopes: ["Policy.Read.All"] });
    const run = await setup();
    expect(run.code, run.stderr).toBe(0);
    const doc = parseJson(run) as unknown as SetupDoc;
    for (const id of ["app-management-policy", "app-registration", "device-code"]) {
      const found = check(doc, id);
      if (id === "app-registration")
        expect(found?.status).toBe("pass"); // a Global Administrator may register apps anyway
      else
        expect(found).toMatchObject({
          status: "unknown",
          evidence: expect.stringContaining("Policy.Read.All was not granted"),
        });
    }
    expect(doc.preflight.ok).toBe(true);
    expect(doc.clientSecret).toBeTruthy();
    expect(doc.verification?.complete).toBe(true);
  });

  it("prints the checks as a table for people, exit 0 on an open tenant", async () => {
    const run = await t.run([
      "preflight",
      "--as",
      "admin@contoso.onmicrosoft.com",
      "--sandbox",
      t.sandbox.url,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("PASS    Signed-in admin's roles");
    expect(run.stdout).toContain("UNKNOWN Exchange Web Services organisation state");
    expect(run.stdout).toContain("PASS    App registration allowed");
    const after = await stats();
    expect(after.writes).toBe(0);
    // Policy.Read.All was asked for at sign-in: the policy reads rode in the tenant read's one $batch.
    expect(after.roundTrips).toBe(1);
  });
});
