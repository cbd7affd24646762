/**
 * A setup stopped after writing the certificate's PEM but before the PFX password was shown (SIGKILL
 * the moment the PEM exists) leaves a PFX nobody can open. `certificate pfx --certificate-file PEM`
 * makes a new PFX from the PEM with a new password, shown with the file, 0600, beside the PEM and
 * never over an existing file; offline (nothing in the tenant changes). Bad input is exit 2 naming the option.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { readPfx } from "@boxafe-connect/certs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestEnv } from "./harness.js";
import { cliMain, parseJson, startTestEnv } from "./harness.js";

describe("certificate pfx: a new PFX for a PEM whose password was never shown", () => {
  let t: TestEnv;
  beforeAll(async () => {
    t = await startTestEnv();
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Starts `setup --yes --boxafe 1.5` in `cwd` and SIGKILLs it as soon as a PEM is in the folder. */
  function setupKilledAfterPem(cwd: string): Promise<{ pem: string | undefined; stdout: string }> {
    return new Promise((resolve, reject) => {
      const child: ChildProcess = spawn(
        process.execPath,
        [cliMain, "setup", "--yes", "--boxafe", "1.5", "--sandbox", t.sandbox.url],
        { cwd, env: t.env, stdio: ["ignore", "pipe", "ignore"] },
      );
      let stdout = "";
      child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
        stdout += chunk;
      });
      let pem: string | undefined;
      const timer = setInterval(() => {
        void readdir(cwd).then((names) => {
          const found = names.find((n) => n.endsWith(".pem"));
          if (found && pem === undefined) {
            pem = join(cwd, found);
            child.kill("SIGKILL");
          }
        });
      }, 10);
      child.on("error", reject);
      child.on("close", () => {
        clearInterval(timer);
        resolve({ pem, stdout });
      });
    });
  }

  it("re-issues the PFX with a new password, 0600, never over a file; bad input is exit 2", async () => {
    const cwd = join(t.dir, "killed");
    await mkdir(cwd, { recursive: true });
    const { pem, stdout } = await setupKilledAfterPem(cwd);
    if (pem === undefined) throw new Error("setup was not stopped after writing the PEM");
    // The password was never shown: the run died before its hand-over.
    expect(stdout).not.toContain("PFX password");
    const pemText = await readFile(pem, "utf8");
    const writes = t.sandbox.context.stats.snapshot().writes;

    const run = await t.run(["certificate", "pfx", "--certificate-file", pem, "--json"], { cwd });
    expect(run.code, run.stderr).toBe(0);
    const doc = parseJson(run) as { pfxFile: string; pfxPassword: string; thumbprint: string; ok: boolean };
    expect(doc.ok).toBe(true);
    expect(doc.pfxPassword.length).toBeGreaterThanOrEqual(20);
    // Beside the PEM, never over the PFX the stopped run may have written.
    const base = pem.replace(/\.pem$/, "");
    expect([`${base}.pfx`, `${base}-2.pfx`]).toContain(doc.pfxFile);
    expect((await stat(doc.pfxFile)).mode & 0o777).toBe(0o600);
    const opened = await readPfx(globalThis.crypto, await readFile(doc.pfxFile), doc.pfxPassword);
    const body = (text: string) => text.replace(/-----[A-Z ]+-----|\s+/g, "");
    expect(pemText.replace(/\s+/g, "")).toContain(body(opened.certificatePem));
    expect(pemText.replace(/\s+/g, "")).toContain(body(opened.privateKeyPem));
    // Offline: the tenant saw nothing.
    expect(t.sandbox.context.stats.snapshot().writes).toBe(writes);
    expect(run.stderr).not.toContain(doc.pfxPassword);

    // Again (human): another new name and password, shown on stdout; no file is overwritten.
    const before = await readdir(cwd);
    const human = await t.run(["certificate", "pfx", "--certificate-file", pem], { cwd });
    expect(human.code, human.stderr).toBe(0);
    const password = /PFX password \(shown only now\): (\S+)/.exec(human.stdout)?.[1] ?? "";
    expect(password).not.toBe(doc.pfxPassword);
    const after = await readdir(cwd);
    expect(after.filter((n) => !before.includes(n))).toHaveLength(1);
    expect(after.some((n) => n.includes(".partial"))).toBe(false);

    // Bad input, before anything is made.
    const taken = join(cwd, "taken.pfx");
    await writeFile(taken, "mine");
    const exists = await t.run(["certificate", "pfx", "--certificate-file", pem, "--out", taken], { cwd });
    expect(exists.code).toBe(2);
    expect(exists.stderr).toContain("--out");
    expect(await readFile(taken, "utf8")).toBe("mine");
    const missing = await t.run(["certificate", "pfx"], { cwd });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--certificate-file");
    const broken = join(cwd, "broken.pem");
    await writeFile(broken, "not a certificate");
    const bad = await t.run(["certificate", "pfx", "--certificate-file", broken], { cwd });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--certificate-file");
    expect(existsSync(join(cwd, "broken.pfx"))).toBe(false);
  }, 180_000);
});
