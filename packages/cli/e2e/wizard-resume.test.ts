/**
 * `setup --resume` after apply, in a real terminal (tmux) against the sandbox: interrupted with
 * Ctrl-C before the new secret was confirmed copied (the resume replaces it: the admin ends up
 * holding the only secret), and stopped with "Stop here" at a failed SharePoint step (the resume
 * reads the tenant again, needs nothing and adds the certificate). A saved state that is corrupt,
 * of the wrong shape or holds a credential is refused with exit 2 before any sign-in.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTenantPolicy } from "@boxafe-connect/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestEnv } from "./harness.js";
import { startTestEnv } from "./harness.js";
import type { Terminal } from "./tmux.js";
import { skipTerminalTests } from "./tmux.js";
import { acceptChooseApp, wizardTerminals } from "./wizard-terminal.js";

const PENDING = "boxafe-connect:pending:";
const SECRET = /Client secret: {11}(\S{3}\dQ~\S+)/;

describe("setup --resume", () => {
  let t: TestEnv;
  const { open, closeAll } = wizardTerminals(() => t);
  const ours = () => t.sandbox.context.dir.data.applications.filter((a) => a.displayName === "QNAP Boxafe");
  /** The sandbox keeps a salted hash of each secret (entra/client-auth.ts): which one is this text? */
  const holds = (secretText: string) =>
    ours()
      .flatMap((a) => a.passwordCredentials)
      .filter((p) => p.hash === createHash("sha256").update(`${p.salt}:${secretText}`).digest("hex"));
  const setup = (stateFile: string) => [
    "setup",
    "--boxafe",
    "1.4",
    "--ews",
    "skip",
    "--sandbox",
    t.sandbox.url,
    "--state-file",
    stateFile,
  ];
  const toReview = async (term: Terminal) => {
    await acceptChooseApp(term);
    await term.waitFor("Apply these 26 changes to the tenant?");
    term.keys("Enter");
  };

  beforeAll(async () => {
    t = await startTestEnv();
  });
  afterAll(async () => {
    closeAll();
    await t?.close();
  });

  describe("refuses a saved state it cannot trust, with exit 2 and nothing written", () => {
    const good = () => ({
      savedAt: "2026-12-01T12:00:00.000Z",
      flags: { boxafe: "1.4", sandbox: t.sandbox.url },
      state: {
        version: 1,
        phase: "review",
        options: { sharepoint: false, defaultDisplayName: "QNAP Boxafe" },
        applied: [],
      },
    });
    it.each([
      ["corrupt (not JSON)", () => '{"savedAt": "2026-12-01T12:00', "it is not valid JSON"],
      [
        "of the wrong shape",
        () => JSON.stringify({ ...good(), state: { ...good().state, phase: "flying" } }),
        "state.phase",
      ],
      ["of no known shape", () => JSON.stringify([1, 2, 3]), "the document"],
      [
        "holding a secretText",
        () =>
          JSON.stringify({
            ...good(),
            state: { ...good().state, handOver: { secretText: "abc8Q~aBcDeFgHiJkLmNoPqRsTuVwXyZ0123" } },
          }),
        "it holds",
      ],
      [
        "holding a PEM private key",
        () => JSON.stringify({ ...good(), flags: { "app-name": "-----BEGIN PRIVATE KEY-----\nMIIEvQ\n" } }),
        "it holds a private key (PEM)",
      ],
      [
        "holding a JWT",
        () =>
          JSON.stringify({
            ...good(),
            flags: { tenant: "eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2dyYXBoIn0.c2lnbmF0dXJl" },
          }),
        "it holds a token (JWT)",
      ],
    ])("%s", async (name, text, reason) => {
      t.sandbox.context.dir.reset();
      const file = join(t.dir, `bad-${name.replace(/\W+/g, "-")}.json`);
      writeFileSync(file, text());
      const run = await t.run(["setup", "--resume", "--state-file", file]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`Cannot resume from ${file}: `);
      expect(run.stderr).toContain(reason);
      expect(run.stderr).not.toMatch(/Q~|eyJ|MIIE/);
      expect(run.stderr).not.toContain("Signing in");
      // Refused before any sign-in: the file is untouched and the tenant holds no app.
      expect(readFileSync(file, "utf8")).toBe(text());
      expect(ours()).toHaveLength(0);
    });
  });

  it("a saved state of a finished setup (the run died before deleting it) is nothing to resume: exit 0", async () => {
    t.sandbox.context.dir.reset();
    const file = join(t.dir, "finished.json");
    const finished = {
      savedAt: "2026-12-01T12:00:00.000Z",
      flags: { boxafe: "1.4", sandbox: t.sandbox.url },
      state: {
        version: 1,
        phase: "done",
        options: { sharepoint: false, defaultDisplayName: "QNAP Boxafe" },
        applied: [],
      },
    };
    writeFileSync(file, JSON.stringify(finished));
    const run = await t.run(["setup", "--resume", "--state-file", file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "Nothing to resume: the setup saved at 2026-12-01T12:00:00.000Z had finished.",
    );
    expect(run.stdout).toContain("boxafe-connect check");
    expect(run.stderr).not.toContain("Signing in");
    // Forgotten as a finished run's file is; the tenant was not touched.
    expect(existsSync(file)).toBe(false);
    expect(ours()).toHaveLength(0);
  });

  describe.skipIf(skipTerminalTests)("in a terminal", () => {
    it("after apply, interrupted before the secret was confirmed copied: the resume replaces it", async () => {
      t.sandbox.context.dir.reset();
      const stateFile = join(t.dir, "after-apply.json");
      const term = await open("apply", setup(stateFile));
      await toReview(term);
      const first = SECRET.exec(await term.waitFor("Also write these values to a file", 60_000))?.[1] ?? "";
      expect(first).not.toBe("");
      term.keys("Enter");
      await term.waitFor("Have you copied the client secret?");
      term.keys("C-c");
      expect(await term.waitFor("EXIT=")).toContain("EXIT=130");
      // The secret exists but was never confirmed held: its pending mark is on the app; the state holds no secret.
      expect(holds(first)).toHaveLength(1);
      expect(ours()[0]?.tags.some((tag) => tag.startsWith(PENDING))).toBe(true);
      expect(readFileSync(stateFile, "utf8")).not.toMatch(/Q~|eyJ/);

      const again = await open("apply-resume", ["setup", "--resume", "--state-file", stateFile]);
      await again.waitFor("Resuming the setup saved at");
      // The tenant, not the saved state, says what exists: the unheld secret is drift to review.
      const review = await again.waitFor("changes to the tenant?", 60_000);
      expect(review).toContain("was added by an interrupted run and never handed over");
      // The rail shows the new plan as to do, not the stopped run's steps as done.
      expect(review).not.toContain("✔ Create the client secret");
      again.keys("Enter");
      const second = SECRET.exec(await again.waitFor("Also write these values to a file", 60_000))?.[1] ?? "";
      expect(second).not.toBe("");
      expect(second).not.toBe(first);
      again.keys("Enter");
      await again.waitFor("Have you copied the client secret?");
      again.keys("Enter");
      await again.waitFor("Add SharePoint access now?");
      again.keys("Enter");
      expect(await again.waitFor("EXIT=", 60_000)).toContain("EXIT=0");

      // One app; it holds exactly the secret the admin confirmed, the unheld one is gone, no mark is left.
      expect(ours()).toHaveLength(1);
      expect(ours()[0]?.passwordCredentials).toHaveLength(1);
      expect(holds(second)).toHaveLength(1);
      expect(holds(first)).toHaveLength(0);
      expect(ours()[0]?.tags.filter((tag) => tag.startsWith(PENDING))).toEqual([]);
    });

    it('"Stop here" at a failed SharePoint step saves a resumable state; the resume adds the certificate', async () => {
      t.sandbox.context.dir.reset();
      const stateFile = join(t.dir, "stop-here.json");
      const term = await open("stop", setup(stateFile));
      await toReview(term);
      const secret = SECRET.exec(await term.waitFor("Also write these values to a file", 60_000))?.[1] ?? "";
      term.keys("Enter");
      await term.waitFor("Have you copied the client secret?");
      // The secret is held from here on; then a tenant rule refuses the SharePoint certificate's lifetime.
      expect(setTenantPolicy(t.sandbox.context.dir, { keyMaxLifetime: "P30D" })).not.toHaveProperty("error");
      term.keys("Enter");
      await term.waitFor("Add SharePoint access now?");
      term.keys("Down", "Enter");
      await term.waitFor("What now?", 60_000);
      // Try again, Stop here, ...: the second choice.
      term.keys("Down", "Enter");
      const stopped = await term.waitFor("EXIT=");
      expect(stopped).toContain("Stopped. 'boxafe-connect setup --resume' continues from here.");
      expect(stopped).toContain("EXIT=130");
      expect(JSON.parse(readFileSync(stateFile, "utf8")).state).toMatchObject({
        phase: "cancelled",
        stoppedIn: "error",
        error: { step: "sharepoint" },
      });

      expect(setTenantPolicy(t.sandbox.context.dir, { keyMaxLifetime: null })).not.toHaveProperty("error");
      const again = await open("stop-resume", ["setup", "--resume", "--state-file", stateFile]);
      await again.waitFor("Resuming the setup saved at");
      // Nothing to do in the tenant (the secret is held): straight on to the SharePoint step it stopped in.
      const ready = await again.waitFor("Done with SharePoint?", 90_000);
      expect(ready).not.toContain("changes to the tenant?");
      expect(ready).toContain("Certificate added and proven");
      again.keys("Enter");
      const end = await again.waitFor("EXIT=", 60_000);
      expect(end).toContain("EXIT=0");

      const app = ours();
      expect(app).toHaveLength(1);
      expect(app[0]?.keyCredentials).toHaveLength(1);
      // The secret from before the stop is still the only one, and still held.
      expect(app[0]?.passwordCredentials).toHaveLength(1);
      expect(holds(secret)).toHaveLength(1);
      expect(app[0]?.tags.filter((tag) => tag.startsWith(PENDING))).toEqual([]);
    });
  });
});
