/**
 * The -o/--output file of setup and secret rotate (found by QA): a write that fails (/proc/x.txt)
 * is exit 6 and the JSON says no file was written (handOverFile null, handOverFileError with the
 * path and reason) while still holding the secret; an empty -o is exit 2 naming it, before sign-in.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestEnv } from "./harness.js";
import { parseJson, startTestEnv } from "./harness.js";

// Passes the pre-sign-in check (the folder exists and is writable for root), fails at the write.
const UNWRITABLE = "/proc/x.txt";

describe("the hand-over file", () => {
  let t: TestEnv;
  let cwd = "";
  let clientId = "";
  beforeAll(async () => {
    t = await startTestEnv({ ewsPropagationMs: 0 });
    cwd = join(t.dir, "hand-over-file");
    await mkdir(cwd, { recursive: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("setup --json with a failed -o write: exit 6, handOverFile null with the error, the secret kept", {
    timeout: 180_000,
  }, async () => {
    const run = await t.run(
      [
        "setup",
        "--yes",
        "--boxafe",
        "1.4",
        "--ews",
        "skip",
        "--json",
        "-o",
        UNWRITABLE,
        "--sandbox",
        t.sandbox.url,
      ],
      { cwd },
    );
    expect(run.code, run.stderr).toBe(6);
    const doc = parseJson(run);
    clientId = String(doc.clientId);
    expect(doc.handOverFile).toBeNull();
    expect(doc.handOverFileError).toMatchObject({ path: UNWRITABLE, reason: expect.any(String) });
    expect(doc.clientSecret).toEqual(expect.any(String));
    expect(String(doc.clientSecret).length).toBeGreaterThan(10);
    expect(run.stderr).toContain(`Could not write ${UNWRITABLE}`);
  });

  it("secret rotate --json with a failed -o write: exit 6, handOverFile null with the error, the secret kept", {
    timeout: 180_000,
  }, async () => {
    expect(clientId).not.toBe("");
    const run = await t.run(
      ["secret", "rotate", "--json", "--app-id", clientId, "-o", UNWRITABLE, "--sandbox", t.sandbox.url],
      { cwd },
    );
    expect(run.code, run.stderr).toBe(6);
    const doc = parseJson(run);
    expect(doc).toMatchObject({ command: "secret rotate", handOverFile: null });
    expect(doc.handOverFileError).toMatchObject({ path: UNWRITABLE, reason: expect.any(String) });
    expect(String(doc.clientSecret).length).toBeGreaterThan(10);
  });

  it("an empty -o is exit 2 naming -o/--output before sign-in, for setup (both modes) and secret rotate", async () => {
    const before = t.sandbox.context.stats.snapshot();
    for (const args of [
      ["setup", "--yes", "--json", "-o", ""],
      ["setup", "-o", ""],
      [
        "secret",
        "rotate",
        "--json",
        "--app-id",
        clientId || "00000000-0000-0000-0000-000000000000",
        "--output",
        "",
      ],
    ]) {
      const run = await t.run([...args, "--sandbox", t.sandbox.url], { cwd });
      expect(run.code, `${args.join(" ")}: ${run.stderr}`).toBe(2);
      expect(run.stderr).toContain("-o/--output");
      expect(run.stdout).not.toContain('"handOverFile"');
    }
    const after = t.sandbox.context.stats.snapshot();
    expect(after.tokenRequests).toBe(before.tokenRequests);
    expect(after.writes).toBe(before.writes);
  });
});
