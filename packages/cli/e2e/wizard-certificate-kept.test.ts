/**
 * The guided setup (tmux) re-run for Boxafe 1.5 from a new, empty folder: the app already holds the
 * certificate an earlier run handed over, so the wizard keeps it (core's chooseCertificate "kept").
 * What the admin sees: the kept certificate named, no secret spoken of, nothing made or written,
 * the proofs "not run: the certificate is held elsewhere" (never "works") with the command that proves
 * it where its files are, `--new-certificate` for a new one, and SharePoint on the kept certificate
 * with nothing added. The tenant takes no write and the folder stays empty. (`--yes`:
 * certificate-kept.test.ts.)
 */
import { mkdir, readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestEnv } from "./harness.js";
import { setupApp, startTestEnv } from "./harness.js";
import { skipTerminalTests } from "./tmux.js";
import { wizardTerminals } from "./wizard-terminal.js";

/** The screen as one line: clack's note boxes wrap long lines inside their borders. */
const flat = (screen: string) => screen.replace(/[│╮╯╭╰├─]/g, " ").replace(/\s+/g, " ");

describe.skipIf(skipTerminalTests)(
  "setup wizard for Boxafe 1.5 from a new folder keeps the app's certificate",
  () => {
    let t: TestEnv;
    const { open, closeAll } = wizardTerminals(() => t);
    beforeAll(async () => {
      t = await startTestEnv({ ewsPropagationMs: 0 });
    });
    afterAll(async () => {
      closeAll();
      await t?.close();
    });

    it("says what it kept, that nothing was made or proven, and how to prove or renew it; writes nothing", async () => {
      const d1 = join(t.dir, "kept-wizard-d1");
      await mkdir(d1);
      const { doc, clientId } = await setupApp(t, ["--boxafe", "1.5"], { cwd: d1 });
      const thumbprint = (doc.certificate as { thumbprint: string }).thumbprint;
      const app = () => t.sandbox.context.dir.appByAppId(clientId);
      expect(app()?.keyCredentials).toHaveLength(1);
      const writes = t.sandbox.context.stats.snapshot().writes;

      // A new, empty folder (the terminal's script stays in t.dir).
      const d2 = join(t.dir, "kept-wizard-d2");
      await mkdir(d2);
      const term = await open("kept", ["setup", "--sandbox", t.sandbox.url, "--ews", "skip"], d2);
      await term.waitFor("Which Boxafe will take these values?");
      term.keys("Enter");
      await term.waitFor("Which app should Boxafe use?");
      term.keys("Enter");
      await term.waitFor("App name (shown in Entra ID and in Boxafe)");
      term.keys("Enter");
      const handOver = flat(await term.waitFor("Add SharePoint access now?", 90_000));
      expect(handOver).toContain(`Found the app (${clientId})`);
      expect(handOver).toContain("Verification not run: the certificate is held elsewhere");
      expect(handOver).toContain("No client secret: Boxafe takes the certificate of the earlier run");
      expect(handOver).not.toContain("existing secret");
      expect(handOver).not.toContain("Apply these");
      expect(handOver).toContain(`Certificate kept: ${thumbprint}`);
      expect(handOver).toContain("No new key, no file written, nothing new to upload to Boxafe.");
      expect(handOver).toContain(`boxafe-connect verify --app-id ${clientId} --certificate-file <its PEM>`);
      expect(handOver).toContain("boxafe-connect setup --new-certificate");
      expect(handOver).not.toMatch(/PFX password|\.pfx|\.pem \(key/);
      // SharePoint with a certificate: the kept one already gives it, nothing added.
      term.keys("Down", "Enter");
      await term.waitFor("Done with SharePoint?", 60_000);
      expect(term.screen()).toContain("SharePoint uses the kept certificate: nothing added.");
      term.keys("Enter");
      const end = flat(await term.waitFor("EXIT=", 90_000));
      expect(end).toContain("Workload proof not run: the certificate is held elsewhere.");
      expect(end).toContain("Done. Boxafe keeps its certificate from an earlier run; proof not run");
      expect(end).not.toMatch(/\bworks\b|can now back up|could not run|Verification complete/i);
      expect(end).toContain("EXIT=0");

      expect(t.sandbox.context.stats.snapshot().writes).toBe(writes);
      expect(app()?.keyCredentials.map((k) => k.customKeyIdentifier)).toEqual([thumbprint]);
      expect(app()?.passwordCredentials).toEqual([]);
      expect(await readdir(d2)).toEqual([]);
    });
  },
);
