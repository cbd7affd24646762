/**
 * `setup --yes` (Boxafe 1.5) failing after its new certificate's files were written. Found by QA:
 * the run ended with the error alone, so the PFX's generated password (shown only now) never
 * reached the admin, and every re-run reused the files ("upload its PFX as before") without it:
 * a PFX nobody can open. The certificate now goes out with the error, as a secret does.
 */
import { readdirSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { parseFaults } from "@boxafe-connect/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestEnv } from "./harness.js";
import { parseJson, startTestEnv } from "./harness.js";

describe("setup --yes 1.5 failing after the certificate was written", () => {
  let t: TestEnv;
  beforeAll(async () => {
    t = await startTestEnv({ ewsPropagationMs: 0 });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("hands over the PFX path and password with the error", async () => {
    t.sandbox.context.dir.reset();
    const cwd = join(t.dir, "fails-after-certificate");
    await mkdir(cwd, { recursive: true });
    // Once the key pair's files are written (apply's hand-over), the proof's read of the app's
    // grants as the admin starts an outage: every Graph and token request answers 503, past the
    // run's 2 s retry budget. (A fault from the moment the .pfx appears instead lands in the app's
    // token polling, which waits up to verify's 5 minute propagation deadline: QA's hang. The
    // proof's admin reads also ignored the budget and retried for the default 120 s; fixed in core.)
    const stats = t.sandbox.context.stats;
    const subRequest = stats.subRequest.bind(stats);
    let broken = false;
    stats.subRequest = (method, path) => {
      subRequest(method, path);
      if (broken || method !== "GET" || !path.endsWith("/appRoleAssignments")) return;
      if (!readdirSync(cwd).some((n) => n.endsWith(".pfx"))) return;
      broken = true;
      t.sandbox.context.faults.set(parseFaults("unavailable=1"));
    };
    const run = await t
      .run(["setup", "--yes", "--ews", "skip", "--json", "--sandbox", t.sandbox.url], {
        cwd,
        env: { BOXAFE_RETRY_BUDGET_SECONDS: "2" },
      })
      .finally(() => {
        stats.subRequest = subRequest;
        t.sandbox.context.faults.set(parseFaults(""));
      });
    expect(broken, run.stderr).toBe(true);
    expect(run.code, run.stderr).not.toBe(0);
    const doc = parseJson(run);
    expect(doc).toMatchObject({ ok: false, error: { message: expect.any(String) } });
    const certificate = doc.certificate as {
      source: string;
      thumbprint: string;
      pfxPassword: string | null;
      files: { pfx: string; pem: string; cer: string } | null;
    } | null;
    expect(certificate?.source).toBe("made");
    expect(certificate?.files?.pfx).toMatch(/\.pfx$/);
    expect(certificate?.files?.pem).toMatch(/\.pem$/);
    expect(certificate?.thumbprint).toMatch(/^[0-9A-F]{40}$/i);
    expect(certificate?.pfxPassword).toMatch(/^\S{12,}$/);
    expect(run.stderr).toContain(String((doc.error as { message: string }).message));
  });
});
