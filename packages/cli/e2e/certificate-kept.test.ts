/**
 * A setup from a new folder keeps the app's certificate (core's chooseCertificate "kept"): the app
 * already holds a valid certificate of ours that was handed over, and no files are here or given,
 * so no second one-year key is made, nothing is added or written, and the proofs say they did not
 * run (the key is held elsewhere), never "works". `--new-certificate` makes a second one.
 */
import { mkdir, readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestEnv } from "./harness.js";
import { parseJson, startTestEnv } from "./harness.js";

describe("setup --boxafe 1.5 from a new folder keeps the app's certificate", () => {
  let t: TestEnv;
  const keysOf = (clientId: string) => t.sandbox.context.dir.appByAppId(clientId)?.keyCredentials ?? [];
  const writes = () => t.sandbox.context.stats.snapshot().writes;
  beforeAll(async () => {
    t = await startTestEnv({ ewsPropagationMs: 0 });
  });
  afterAll(async () => {
    await t?.close();
  });

  async function folder(name: string): Promise<string> {
    const dir = join(t.dir, name);
    await mkdir(dir, { recursive: true });
    return dir;
  }

  it("d1 then d2: one keyCredential, exit 0, no files in d2, proof 'not run'; --new-certificate makes two", async () => {
    t.sandbox.context.dir.reset();
    const args = ["setup", "--yes", "--boxafe", "1.5", "--sandbox", t.sandbox.url];
    const d1 = await folder("kept-d1");
    const first = await t.run([...args, "--json"], { cwd: d1 });
    expect(first.code, first.stderr).toBe(0);
    const doc = parseJson(first);
    const clientId = String(doc.clientId);
    const thumbprint = (doc.certificate as { thumbprint: string }).thumbprint;
    expect(keysOf(clientId)).toHaveLength(1);
    expect(await readdir(d1)).toHaveLength(3);

    const d2 = await folder("kept-d2");
    const before = writes();
    const again = await t.run([...args, "--json"], { cwd: d2 });
    expect(again.code, again.stderr).toBe(0);
    const second = parseJson(again);
    expect(second).toMatchObject({
      clientId,
      changed: false,
      certificate: null,
      verification: {
        complete: false,
        items: [],
        notRun: {
          reason: "certificate-held-elsewhere",
          message: "not run: the certificate is held elsewhere",
        },
      },
      proof: "not run: the certificate is held elsewhere",
      keptCertificate: { thumbprint },
    });
    expect(second.counts).toMatchObject({ "add-certificate": 0 });
    expect(writes()).toBe(before);
    expect(keysOf(clientId)).toHaveLength(1);
    expect(await readdir(d2)).toEqual([]);

    const d3 = await folder("kept-d3");
    const human = await t.run(args, { cwd: d3 });
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain(`Certificate kept: ${thumbprint}`);
    // core's keptCertificateWords: nothing made or new for Boxafe, how to prove it and how to renew it.
    expect(human.stdout).toContain("held from an earlier run that handed it over");
    expect(human.stdout).toContain("No new key, no file written, nothing new to upload to Boxafe.");
    expect(human.stdout).toContain("not run: the certificate is held elsewhere");
    expect(human.stdout).toContain(`boxafe-connect verify --app-id ${clientId} --certificate-file <its PEM>`);
    expect(human.stdout).toContain("boxafe-connect setup --new-certificate");
    expect(`${human.stdout}${human.stderr}`).not.toMatch(/Verification complete|\bworks\b/i);
    expect(await readdir(d3)).toEqual([]);

    const d4 = await folder("kept-d4");
    const fresh = await t.run([...args, "--json", "--new-certificate"], { cwd: d4 });
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(parseJson(fresh).certificate).toMatchObject({ source: "made" });
    expect(keysOf(clientId)).toHaveLength(2);
    expect(await readdir(d4)).toHaveLength(3);
  });
});
