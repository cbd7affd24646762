/**
 * The MSP's path end to end, on the built CLI against a fleet sandbox of 50 customer tenants and a
 * partner: `fleet setup` onboards all after one partner sign-in (one tenant without a GDAP
 * relationship falls back to its own sign-in, one is throttled), survives a kill and resumes with no
 * duplicate app or orphan certificate; `fleet check` then reports exactly the planted problems.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { mkdtemp, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createMsalAppTokenPort, trustCa } from "@boxafe-connect/runtime";
import { type RunningFleetSandbox, startFleetSandbox } from "@boxafe-connect/sandbox";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { childEnv, cliMain, requireBuild, runCli } from "./harness.js";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const resultsDir = join(dirname(fileURLToPath(import.meta.url)), "..", "test-results");
const CUSTOMERS = 50;
const NO_RELATIONSHIP = 7;
const THROTTLED = 9;
const REVOKED_GRANT = 3;
const MISSING_ROLE = 4;
const EXPIRING = 5;
const EWS_BLOCKED = 12;

let fleet: RunningFleetSandbox;
let dir: string;
let env: Record<string, string>;
let fleetFile: string;
let expiringFile: string;
let store: string;
let statePath: string;
let reportPath: string;
let allFile: string;

function customer(index: number) {
  const c = fleet.customers[index - 1];
  if (!c) throw new Error(`no customer ${index}`);
  return c;
}

interface Stored {
  readonly thumbprint: string;
  readonly certificatePem: string;
  readonly privateKeyPem: string;
}

async function storedOf(folder: string): Promise<Stored[]> {
  const names = (await readdir(join(store, folder))).filter((f) => f.endsWith(".json"));
  return Promise.all(
    names.map(async (n) => JSON.parse(await readFile(join(store, folder, n), "utf8")) as Stored),
  );
}

/** Whether the certificate gets an app token for the tenant's app right now (a fresh msal client). */
async function signsIn(tenantId: string, clientId: string, cert: Stored): Promise<boolean> {
  trustCa(fleet.caPem, fleet.url);
  return createMsalAppTokenPort({ authorityHost: fleet.url })
    .acquire({
      tenantId,
      clientId,
      credential: {
        kind: "certificate",
        certificatePem: cert.certificatePem,
        privateKeyPem: cert.privateKeyPem,
      },
      resource: "https://graph.microsoft.com",
    })
    .then(
      () => true,
      () => false,
    );
}

function args(file: string, ...extra: string[]): string[] {
  return [
    "--fleet",
    file,
    "--sandbox",
    fleet.url,
    "--store",
    store,
    "--state",
    statePath,
    "--json",
    ...extra,
  ];
}

/** Starts `fleet setup` and kills it (SIGKILL) once `after` tenants have finished. */
function killAfter(after: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(
      process.execPath,
      [cliMain, "fleet", "setup", ...args(fleetFile, "--concurrency", "2")],
      {
        env,
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    let done = 0;
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      done += (chunk.match(/\] \+ /g) ?? []).length;
      if (done >= after) child.kill("SIGKILL");
    });
    child.on("error", reject);
    child.on("close", () => resolve());
  });
}

describe("fleet setup and fleet check against 50 customer tenants", () => {
  beforeAll(async () => {
    requireBuild();
    dir = await mkdtemp(join(tmpdir(), "bc-fleet-"));
    env = await childEnv(dir);
    fleet = await startFleetSandbox({
      tenants: CUSTOMERS,
      port: 0,
      autoApprove: true,
      home: env.BOXAFE_SANDBOX_HOME,
      withoutRelationship: [NO_RELATIONSHIP],
      faults: { [THROTTLED]: "throttle=0.3" },
      ewsEnabled: Array.from({ length: CUSTOMERS }, (_, i) => i + 1).filter((i) => i !== EWS_BLOCKED),
    });
    env = await childEnv(dir, fleet.caPem);
    store = join(dir, "credentials");
    statePath = join(dir, "fleet.state.json");
    fleetFile = join(dir, "fleet.json");
    expiringFile = join(dir, "expiring.csv");
    // Half by tenant id, half by domain; the expiring tenant is onboarded on its own with a short certificate.
    const listed = fleet.customers
      .filter((c) => c.index !== EXPIRING)
      .map((c) => ({
        tenant: c.index % 2 ? c.tenantId : c.domain,
        label: `Customer ${c.index}`,
        boxafe: "1.5",
      }));
    await writeFile(fleetFile, JSON.stringify({ tenants: listed }, null, 2));
    await writeFile(expiringFile, `tenant,label\n${customer(EXPIRING).domain},Customer ${EXPIRING}\n`);
  }, 120_000);
  afterAll(() => fleet?.stop());

  it("refuses a fleet file with a bad row before any sign-in, naming row and field", async () => {
    const bad = join(dir, "bad.csv");
    await writeFile(bad, `tenant,label,secret\nnot-a-tenant,X,\n`);
    const before = fleet.partner.context.stats.snapshot().requests;
    const run = await runCli(["fleet", "setup", ...args(bad)], env);
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).toMatch(/file, secret: Credentials never go into a fleet file/);
    expect(fleet.partner.context.stats.snapshot().requests).toBe(before);
  });

  it("onboards every tenant after a kill, resuming with no duplicate app and no orphan certificate", async () => {
    await killAfter(3);
    const resumed = await runCli(["fleet", "setup", ...args(fleetFile, "--concurrency", "8")], env);
    expect(resumed.code, resumed.stderr.slice(-2000)).toBe(0);
    const result = JSON.parse(resumed.stdout) as {
      summary: { total: number; done: number; skipped: number; failed: number };
      tenants: { tenant: string; status: string }[];
    };
    expect(result.summary.failed).toBe(0);
    expect(result.summary.done + result.summary.skipped).toBe(CUSTOMERS - 1);
    expect(result.summary.skipped).toBeGreaterThanOrEqual(3);
    const expiring = await runCli(["fleet", "setup", ...args(expiringFile, "--cert-days", "5")], env);
    expect(expiring.code, expiring.stderr.slice(-2000)).toBe(0);

    const state = JSON.parse(await readFile(statePath, "utf8")) as {
      tenants: Record<string, { stage: string; signIn: string; tenantId: string }>;
    };
    for (const c of fleet.customers) {
      const apps = c.context.dir.data.applications;
      expect(apps, `customer ${c.index}`).toHaveLength(1);
      expect(apps[0]?.keyCredentials, `customer ${c.index}`).toHaveLength(1);
      expect(apps[0]?.passwordCredentials, `customer ${c.index}`).toHaveLength(0);
      const record = Object.values(state.tenants).find((r) => r.tenantId === c.tenantId);
      expect(record?.stage).toBe("done");
      expect(record?.signIn).toBe(c.index === NO_RELATIONSHIP ? "tenant" : "gdap");
      // The key Boxafe holds is in the store (0600) and is the one on the app.
      const key = (c.index % 2 && c.index !== EXPIRING ? c.tenantId : c.domain).toLowerCase();
      const files = (await readdir(join(store, key))).filter((f) => f.endsWith(".json"));
      expect(files).toEqual([`${apps[0]?.keyCredentials[0]?.customKeyIdentifier}.json`]);
      expect((await stat(join(store, key, files[0] ?? ""))).mode & 0o777).toBe(0o600);
    }
    // Private keys never reach the state file or any output.
    expect(await readFile(statePath, "utf8")).not.toContain("PRIVATE KEY");
    expect(resumed.stdout + resumed.stderr).not.toContain("PRIVATE KEY");
  }, 600_000);

  it("fleet check reports exactly the planted problems, with no admin sign-in", async () => {
    // The planted problems: a revoked delegated grant, a removed app role, EWS blocked (seeded), a
    // certificate expiring in 5 days (onboarded with --cert-days 5). Throttling was for setup only.
    customer(THROTTLED).context.faults.set(customer(1).context.faults.spec);
    // Deterministic plants: the Exchange delegated grant (EWS.AccessAsUser.All) revoked in one tenant,
    // the Graph Notes.ReadWrite.All app role removed in another (no workload call depends on it).
    const grants = customer(REVOKED_GRANT).context.dir.data;
    const ours = (d: typeof grants) =>
      d.servicePrincipals.find((sp) => sp.appId === d.applications[0]?.appId)?.id;
    const exchangeSp = grants.servicePrincipals.find(
      (sp) => sp.appId === "00000002-0000-0ff1-ce00-000000000000",
    )?.id;
    const before3 = grants.oauth2PermissionGrants.length;
    grants.oauth2PermissionGrants = grants.oauth2PermissionGrants.filter(
      (g) => !(g.clientId === ours(grants) && g.resourceId === exchangeSp),
    );
    expect(grants.oauth2PermissionGrants.length).toBe(before3 - 1);
    const roles = customer(MISSING_ROLE).context.dir.data;
    const graphSp = roles.servicePrincipals.find((sp) => sp.appId === "00000003-0000-0000-c000-000000000000");
    const notesRole = graphSp?.appRoles.find((r) => r.value === "Notes.ReadWrite.All")?.id;
    const before4 = roles.appRoleAssignments.length;
    roles.appRoleAssignments = roles.appRoleAssignments.filter(
      (a) => !(a.principalId === ours(roles) && a.resourceId === graphSp?.id && a.appRoleId === notesRole),
    );
    expect(roles.appRoleAssignments.length).toBe(before4 - 1);
    const adminRequests = () => fleet.partner.context.stats.snapshot().requests;
    const before = adminRequests();
    const tokenRequests = () => fleet.customers.map((c) => c.context.stats.snapshot().tokenRequests);
    const tokensBefore = tokenRequests();

    const all = join(dir, "all.json");
    allFile = all;
    const everyone = fleet.customers.map((c) => ({
      tenant: c.index % 2 && c.index !== EXPIRING ? c.tenantId : c.domain,
      label: `Customer ${c.index}`,
    }));
    await writeFile(all, JSON.stringify(everyone));
    const html = join(dir, "fleet.html");
    reportPath = html;
    const run = await runCli(["fleet", "check", ...args(all, "--html", html, "--concurrency", "8")], env);
    expect(run.code, run.stderr.slice(-2000)).toBe(3);
    const doc = JSON.parse(run.stdout) as {
      tenants: {
        label: string;
        light: string;
        daysLeft: number;
        problems: { kind: string; message: string }[];
      }[];
      summary: { lights: Record<string, number> };
    };
    expect(doc.tenants).toHaveLength(CUSTOMERS);
    const flagged = Object.fromEntries(
      doc.tenants
        .filter((t) => t.light !== "green")
        .map((t) => [t.label, t.problems.map((p) => p.kind).sort()]),
    );
    expect(flagged).toEqual({
      [`Customer ${REVOKED_GRANT}`]: ["missing-consent"],
      [`Customer ${MISSING_ROLE}`]: ["missing-role"],
      [`Customer ${EXPIRING}`]: ["credential-expiring"],
      [`Customer ${EWS_BLOCKED}`]: ["workload-blocked"],
    });
    for (const t of doc.tenants.filter((x) => x.light === "green")) expect(t.problems).toEqual([]);
    expect(doc.tenants.find((t) => t.label === `Customer ${EXPIRING}`)?.daysLeft).toBeLessThanOrEqual(5);
    expect(doc.summary.lights).toEqual({ green: CUSTOMERS - 4, amber: 0, red: 4 });
    // No admin token was asked for: the partner tenant saw no request.
    expect(adminRequests()).toBe(before);
    // One token per audience per tenant (Graph, Exchange, SharePoint): the proof's token also serves the
    // drift reads' $batch calls and the workload calls.
    const tokensAfter = tokenRequests();
    expect(new Set(tokensAfter.map((n, i) => n - (tokensBefore[i] ?? 0)))).toEqual(new Set([3]));
    const page = await readFile(html, "utf8");
    expect(page).toContain(`Customer ${EWS_BLOCKED}`);
    expect(page).not.toMatch(/<(link|script) [^>]*(src|href)=/);
    expect(page).not.toContain("PRIVATE KEY");
  }, 600_000);

  it("the HTML report opens in Chromium, passes axe and sorts by days to expiry", async () => {
    mkdirSync(resultsDir, { recursive: true });
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
      ],
    });
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, offline: true });
      const page = await context.newPage();
      const requests: string[] = [];
      page.on("request", (r) => requests.push(r.url()));
      await page.goto(`file://${reportPath}`);
      // Self-contained: nothing but the file itself is fetched.
      expect(requests.filter((u) => !u.startsWith("file://"))).toEqual([]);
      await expect(page.locator("#fleet tbody tr").count()).resolves.toBe(CUSTOMERS);
      // Worst first: the four red rows lead the table.
      const firstStatuses = await page.locator("#fleet tbody tr td:first-child").allInnerTexts();
      expect(firstStatuses.slice(0, 4)).toEqual(Array(4).fill("Action needed"));
      await page.getByRole("button", { name: "Sort by days to expiry" }).click();
      const firstTenant = await page.locator("#fleet tbody tr td:nth-child(2)").first().textContent();
      expect(firstTenant ?? "").toContain(`Customer ${EXPIRING}`);
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const axe = (
          globalThis as unknown as {
            axe: { run(): Promise<{ violations: { id: string; impact: string | null }[] }> };
          }
        ).axe;
        return (await axe.run()).violations;
      });
      expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
      await page.getByRole("button", { name: "Sort by status" }).click();
      await page.screenshot({ path: join(resultsDir, "fleet-report.png"), fullPage: false });
    } finally {
      await browser.close();
    }
  }, 120_000);

  it("fleet rotate renews the expiring certificate by the app itself, keeping the old one until fleet retire", async () => {
    const [old] = await storedOf(customer(EXPIRING).domain);
    if (!old) throw new Error("fleet setup stored no certificate");
    const partnerRequests = () => fleet.partner.context.stats.snapshot().requests;
    const tokenRequests = () => customer(EXPIRING).context.stats.snapshot().tokenRequests;
    const before = partnerRequests();
    const tokensBefore = tokenRequests();
    const run = await runCli(["fleet", "rotate", ...args(allFile, "--within", "30")], env);
    expect(run.code, run.stderr.slice(-2000)).toBe(0);
    // Two tokens: the current certificate's (addKey), and a fresh one from the new certificate (its proof).
    expect(tokenRequests() - tokensBefore).toBe(2);
    const result = JSON.parse(run.stdout) as {
      counts: Record<string, number>;
      tenants: { label: string; status: string }[];
    };
    expect(result.counts).toEqual({ rotated: 1, "not-due": CUSTOMERS - 1, skipped: 0, failed: 0 });
    expect(result.tenants.find((t) => t.status === "rotated")?.label).toBe(`Customer ${EXPIRING}`);
    // No admin: the partner tenant saw nothing, and the app holds the old and the new certificate.
    expect(partnerRequests()).toBe(before);
    const app = customer(EXPIRING).context.dir.data.applications[0];
    expect(app?.keyCredentials).toHaveLength(2);
    const files = (await readdir(join(store, customer(EXPIRING).domain))).filter((f) => f.endsWith(".json"));
    expect(files).toHaveLength(2);
    const again = await runCli(["fleet", "check", ...args(allFile, "--concurrency", "8")], env);
    const doc = JSON.parse(again.stdout) as { tenants: { label: string; light: string; daysLeft: number }[] };
    const renewed = doc.tenants.find((t) => t.label === `Customer ${EXPIRING}`);
    expect(renewed?.light).toBe("green");
    expect(renewed?.daysLeft).toBeGreaterThan(300);

    // Phase two: the old certificate still signs in until fleet retire, then only the new one does.
    const { tenantId } = customer(EXPIRING);
    const record = (
      JSON.parse(await readFile(statePath, "utf8")) as { tenants: Record<string, { clientId: string }> }
    ).tenants[customer(EXPIRING).domain.toLowerCase()];
    if (!record) throw new Error("no state record for the expiring tenant");
    const newer = (await storedOf(customer(EXPIRING).domain)).find((c) => c.thumbprint !== old.thumbprint);
    if (!newer) throw new Error("fleet rotate stored no new certificate");
    expect(await signsIn(tenantId, record.clientId, old)).toBe(true);

    // A newest certificate that does not prove (here: taken off the app behind our back) fails its
    // tenant with the reason, and nothing is removed from the app or the store.
    const keys = customer(EXPIRING).context.dir.data.applications[0]?.keyCredentials ?? [];
    const newIndex = keys.findIndex((k) => newer.certificatePem.replace(/\s+/g, "").includes(k.der));
    const [taken] = keys.splice(newIndex, 1);
    if (!taken) throw new Error("the app has no new certificate");
    const refused = await runCli(["fleet", "retire", ...args(allFile, "--concurrency", "8")], env);
    keys.push(taken);
    expect(refused.code, refused.stderr.slice(-2000)).toBe(1);
    const refusedResult = JSON.parse(refused.stdout) as {
      counts: Record<string, number>;
      tenants: { label: string; status: string; detail?: string }[];
    };
    expect(refusedResult.counts).toMatchObject({ retired: 0, failed: 1 });
    expect(refusedResult.tenants.find((t) => t.status === "failed")).toMatchObject({
      label: `Customer ${EXPIRING}`,
      detail: expect.stringContaining("did not get a token"),
    });
    expect(keys).toHaveLength(2);
    expect(await storedOf(customer(EXPIRING).domain)).toHaveLength(2);

    const tokensBeforeRetire = tokenRequests();
    const retire = await runCli(["fleet", "retire", ...args(allFile, "--concurrency", "8")], env);
    expect(retire.code, retire.stderr.slice(-2000)).toBe(0);
    // One token: the newest certificate's proof, which then serves its removeKey call.
    expect(tokenRequests() - tokensBeforeRetire).toBe(1);
    const retired = JSON.parse(retire.stdout) as {
      counts: Record<string, number>;
      tenants: { label: string; status: string; removed?: string[] }[];
    };
    expect(retired.counts).toEqual({ retired: 1, "nothing-to-retire": CUSTOMERS - 1, skipped: 0, failed: 0 });
    expect(retired.tenants.find((t) => t.status === "retired")).toMatchObject({
      label: `Customer ${EXPIRING}`,
      removed: [old.thumbprint],
    });
    expect(partnerRequests()).toBe(before);
    expect(customer(EXPIRING).context.dir.data.applications[0]?.keyCredentials).toHaveLength(1);
    expect(await signsIn(tenantId, record.clientId, old)).toBe(false);
    expect(await signsIn(tenantId, record.clientId, newer)).toBe(true);
    expect((await storedOf(customer(EXPIRING).domain)).map((c) => c.thumbprint)).toEqual([newer.thumbprint]);
    const second = await runCli(["fleet", "retire", ...args(allFile, "--concurrency", "8")], env);
    expect(second.code, second.stderr.slice(-2000)).toBe(0);
    const secondResult = JSON.parse(second.stdout) as { counts: Record<string, number> };
    expect(secondResult.counts).toEqual({
      retired: 0,
      "nothing-to-retire": CUSTOMERS,
      skipped: 0,
      failed: 0,
    });
    expect(customer(EXPIRING).context.dir.data.applications[0]?.keyCredentials).toHaveLength(1);
  }, 600_000);
});
