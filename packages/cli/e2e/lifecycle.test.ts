/**
 * The whole life of the Boxafe app through the built CLI against a sandbox over HTTPS:
 * setup, no-op re-run, plan, check/drift/repair, verify, rotate, list, remove, and a leak check.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestEnv } from "./harness.js";
import { parseJson, setupApp, startTestEnv, transcript } from "./harness.js";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const day = 86_400_000;

describe("boxafe-connect lifecycle", () => {
  let t: TestEnv;
  let clientId = "";
  const secrets: string[] = [];
  const target = () => ["--sandbox", t.sandbox.url, "--verbose"];

  beforeAll(async () => {
    t = await startTestEnv();
  });
  afterAll(async () => {
    await t?.close();
  });

  it("setup --yes --json registers the app, consents, verifies and hands over the values", async () => {
    const { doc, ...app } = await setupApp(t, ["--boxafe", "1.4", "--verbose"]);
    expect(doc).toMatchObject({ command: "setup", ok: true, tenantId: t.sandbox.tenantId, changed: true });
    clientId = app.clientId;
    expect(clientId).toMatch(GUID);
    expect(String(doc.clientSecret)).toMatch(/^.{3}\dQ~/);
    secrets.push(String(doc.clientSecret));
    const expires = Date.parse(String(doc.secretExpiresAt));
    expect(expires).toBeGreaterThan(Date.now() + 179 * day);
    expect(expires).toBeLessThan(Date.now() + 181 * day);
    const report = doc.verification as { complete: boolean; items: unknown[]; tokens: { ok: boolean }[] };
    expect(report.complete).toBe(true);
    expect(report.items).toHaveLength(26);
    expect(report.tokens.every((token) => token.ok)).toBe(true);
    expect(doc.advisories).toContainEqual(
      expect.objectContaining({
        action: expect.stringContaining(`+ "${clientId}" | Where-Object`),
      }),
    );
    const data = t.sandbox.context.dir.data;
    expect(data.applications.filter((a) => a.appId === clientId)).toHaveLength(1);
    const sp = data.servicePrincipals.find((s) => s.appId === clientId);
    expect(data.appRoleAssignments.filter((a) => a.principalId === sp?.id)).toHaveLength(20);
  });

  it("setup again finds nothing to do, makes no secret, writes nothing, and says the proof did not run", async () => {
    const before = t.sandbox.context.stats.snapshot().writes;
    const run = await t.run(["setup", "--yes", "--boxafe", "1.4", "--json", ...target()]);
    expect(t.sandbox.context.stats.snapshot().writes).toBe(before);
    expect(run.code, run.stderr).toBe(0);
    const notRun =
      "not run: no secret here to prove with (the app keeps its secret from an earlier run, held elsewhere)";
    expect(parseJson(run)).toMatchObject({
      ok: true,
      changed: false,
      clientId,
      clientSecret: null,
      // The secret Boxafe holds is not here: no token was asked for, so nothing reads as complete.
      verification: {
        complete: false,
        items: [],
        tokens: [],
        notRun: { reason: "secret-held-elsewhere", message: notRun },
      },
      proof: notRun,
    });
    expect(t.sandbox.context.dir.appByAppId(clientId)?.passwordCredentials).toHaveLength(1);
    const human = await t.run(["setup", "--yes", "--boxafe", "1.4", ...target()]);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout + human.stderr).toContain(`Verification ${notRun}.`);
    expect(human.stdout + human.stderr).toContain("boxafe-connect verify --client-secret-stdin");
    expect(human.stdout + human.stderr).not.toMatch(/Verification complete|permissions granted/);
  });

  it("plan shows nothing to do", async () => {
    const run = await t.run(["plan", "--json", ...target()]);
    expect(run.code, run.stderr).toBe(0);
    expect(parseJson(run)).toMatchObject({
      command: "plan",
      nothingToDo: true,
      total: 0,
      app: { exists: true, clientId },
    });
  });

  it("check exits 0, then 3 after a grant is removed, then 0 after setup repairs it", async () => {
    expect((await t.run(["check", "--json", ...target()])).code).toBe(0);
    const dir = t.sandbox.context.dir;
    const sp = dir.spByAppId(clientId);
    const index = dir.data.appRoleAssignments.findIndex((a) => a.principalId === sp?.id);
    dir.data.appRoleAssignments.splice(index, 1);
    dir.save();
    const drift = await t.run(["check", "--json", ...target()]);
    expect(drift.code).toBe(3);
    const doc = parseJson(drift);
    expect(doc).toMatchObject({ command: "check", ok: false, drift: true });
    expect((doc.permissions as { missing: string[] }).missing).toHaveLength(1);
    const repair = await t.run(["setup", "--yes", "--boxafe", "1.4", "--json", ...target()]);
    expect(repair.code, repair.stderr).toBe(0);
    expect(parseJson(repair)).toMatchObject({ changed: true, clientSecret: null });
    const human = await t.run(["check", ...target()]);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain("No drift: the app holds what Boxafe needs.");
  });

  it("verify proves the three values from the environment and from stdin", async () => {
    const secret = secrets[0] ?? "";
    const fromEnv = await t.run(["verify", "--json", "--app-id", clientId, ...target()], {
      env: { BOXAFE_CLIENT_SECRET: secret },
    });
    expect(fromEnv.code, fromEnv.stderr).toBe(0);
    expect(parseJson(fromEnv)).toMatchObject({ command: "verify", ok: true, report: { complete: true } });
    const fromStdin = await t.run(["verify", "--app-id", clientId, "--client-secret-stdin", ...target()], {
      input: `${secret}\n`,
    });
    expect(fromStdin.code, fromStdin.stderr).toBe(0);
    expect(fromStdin.stdout).toContain("Verification complete:");
  });

  it("verify --tenant GUID reads the SharePoint name with the app's own token and proves SharePoint", async () => {
    const run = await t.run(
      ["verify", "--json", "--app-id", clientId, "--tenant", t.sandbox.tenantId, ...target()],
      {
        env: { BOXAFE_CLIENT_SECRET: secrets[0] ?? "" },
      },
    );
    expect(run.code, run.stderr).toBe(0);
    const report = parseJson(run).report as {
      items: { resource: string; kind: string; status: string }[];
      tokens: { audience: string; ok: boolean }[];
    };
    const sharePoint = report.items.filter((i) => i.resource === "sharepoint" && i.kind === "application");
    expect(sharePoint.length).toBeGreaterThan(0);
    expect(sharePoint.every((i) => i.status === "granted")).toBe(true);
    expect(report.tokens).toContainEqual(
      expect.objectContaining({ audience: "https://contoso.sharepoint.com", ok: true }),
    );
  });

  it("secret rotate refuses an existing -o file before signing in, and changes nothing", async () => {
    const existing = join(t.dir, "values.txt");
    writeFileSync(existing, "the secret Boxafe uses");
    const before = t.sandbox.context.stats.snapshot().writes;
    const run = await t.run([
      "secret",
      "rotate",
      "--json",
      "-o",
      existing,
      "--app-id",
      clientId,
      ...target(),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--output: .*already exists/);
    expect(t.sandbox.context.stats.snapshot().writes).toBe(before);
    expect(readFileSync(existing, "utf8")).toBe("the secret Boxafe uses");
  });

  it("secret rotate then retire: the old secret issues tokens until retire, the new one after", async () => {
    const run = await t.run(["secret", "rotate", "--json", "--app-id", clientId, ...target()]);
    expect(run.code, run.stderr).toBe(0);
    const doc = parseJson(run);
    expect(doc.target).toEqual({ kind: "sandbox", tenantId: t.sandbox.tenantId, cloud: "sandbox" });
    const fresh = String(doc.clientSecret);
    secrets.push(fresh);
    expect(fresh).not.toBe(secrets[0]);
    expect(doc.removedKeyIds).toEqual([]);
    const verifyWith = (secret: string) =>
      t.run(["verify", "--json", "--deadline", "0", "--app-id", clientId, ...target()], {
        env: { BOXAFE_CLIENT_SECRET: secret },
      });
    // Phase one: both work, so Boxafe keeps backing up until the new one is pasted.
    expect((await verifyWith(secrets[0] ?? "")).code).toBe(0);
    expect((await verifyWith(fresh)).code).toBe(0);
    // Retire with the old secret is refused: a newer one exists.
    const wrong = await t.run(["secret", "retire", "--json", "--app-id", clientId, ...target()], {
      env: { BOXAFE_CLIENT_SECRET: secrets[0] ?? "" },
    });
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain("A newer secret");
    // A mistyped value sharing the old secret's first three characters (Graph's hint) is named as
    // such, not as "a newer secret exists"; nothing is removed.
    const typo = `${(secrets[0] ?? "").slice(0, 3)}not-the-secret`;
    const mistyped = await t.run(["secret", "retire", "--json", "--app-id", clientId, ...target()], {
      env: { BOXAFE_CLIENT_SECRET: typo },
    });
    expect(mistyped.code).not.toBe(0);
    expect(mistyped.stderr).toContain("mistyped or that secret was already removed");
    expect(mistyped.stderr).not.toContain("A newer secret");
    expect(mistyped.stdout + mistyped.stderr).not.toContain(typo);
    const retired = await t.run(["secret", "retire", "--json", "--app-id", clientId, ...target()], {
      env: { BOXAFE_CLIENT_SECRET: fresh },
    });
    expect(retired.code, retired.stderr).toBe(0);
    expect(parseJson(retired).removedKeyIds).toHaveLength(1);
    // Phase two done: the old one stops working, the new one works.
    const oldOne = await verifyWith(secrets[0] ?? "");
    expect(oldOne.code).not.toBe(0);
    expect(parseJson(oldOne).ok).toBe(false);
    expect((await verifyWith(fresh)).code).toBe(0);
  });

  it("secret list shows the one secret without its value", async () => {
    const run = await t.run(["secret", "list", "--json", "--app-id", clientId, ...target()]);
    expect(run.code, run.stderr).toBe(0);
    const doc = parseJson(run) as { secrets: { madeByBoxafeConnect: boolean; expired: boolean }[] };
    expect(doc.secrets).toEqual([expect.objectContaining({ madeByBoxafeConnect: true, expired: false })]);
  });

  it("remove deletes the app; plan then starts from scratch", async () => {
    const run = await t.run(["remove", "--yes", "--json", "--app-id", clientId, ...target()]);
    expect(run.code, run.stderr).toBe(0);
    expect(parseJson(run)).toMatchObject({ command: "remove", removed: true, clientId });
    expect(t.sandbox.context.dir.appByAppId(clientId)).toBeUndefined();
    const plan = parseJson(await t.run(["plan", "--json", ...target()]));
    expect(plan).toMatchObject({ app: { exists: false }, nothingToDo: false });
  });

  it("shows secrets only in the hand-over of setup and rotate, and tokens nowhere", () => {
    expect(transcript.length).toBeGreaterThan(10);
    expect(secrets).toHaveLength(2);
    for (const run of transcript) {
      // verify and secret retire are given a secret (env) and must never print it back.
      const handsOver = run.args[0] === "setup" || run.args.slice(0, 2).join(" ") === "secret rotate";
      for (const secret of secrets) {
        expect(run.stderr.includes(secret), `stderr of ${run.args.join(" ")}`).toBe(false);
        if (!handsOver) expect(run.stdout.includes(secret), `stdout of ${run.args.join(" ")}`).toBe(false);
      }
      expect(`${run.stdout}${run.stderr}`).not.toMatch(/eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/);
    }
    const shown = transcript.filter((run) => secrets.some((s) => run.stdout.includes(s)));
    expect(shown.map((run) => run.args.slice(0, 2).join(" "))).toEqual(["setup --yes", "secret rotate"]);
  });
});
