/**
 * fleet check's report files (found by QA): `--html DIR` opened the folder after the fleet file was
 * read and ended with "Unexpected error: EISDIR" (exit 1). A folder, a symbolic link or an empty
 * name for --html / --csv is exit 2 naming the option, before any tenant is checked.
 */
import { mkdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestEnv } from "./harness.js";
import { parseJson, startTestEnv } from "./harness.js";

describe("fleet check report paths", () => {
  let t: TestEnv;
  let cwd = "";
  beforeAll(async () => {
    t = await startTestEnv();
    cwd = join(t.dir, "fleet-report-paths");
    await mkdir(join(cwd, "a-folder"), { recursive: true });
    await writeFile(join(cwd, "fleet.csv"), "tenant,label\ncontoso.onmicrosoft.com,Contoso\n");
    await symlink("/etc/hostname", join(cwd, "link.html"));
  });
  afterAll(async () => {
    await t?.close();
  });

  it("a folder, a symbolic link or an empty name is exit 2 naming --html / --csv, before any check", {
    timeout: 120_000,
  }, async () => {
    for (const [option, path, says] of [
      ["--html", "a-folder", "--html: a-folder is a folder; give a file name."],
      ["--csv", "a-folder", "--csv: a-folder is a folder; give a file name."],
      ["--html", "link.html", "--html: link.html is a symbolic link; give a file name."],
      ["--csv", "", "--csv is empty: give a file name."],
    ] as const) {
      const before = t.sandbox.context.stats.snapshot();
      const run = await t.run(
        ["fleet", "check", "--fleet", "fleet.csv", "--sandbox", t.sandbox.url, option, path, "--json"],
        { cwd },
      );
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toContain(says);
      expect(parseJson(run)).toMatchObject({ ok: false, exitCode: 2 });
      // No token was asked for: nothing was checked.
      expect(t.sandbox.context.stats.snapshot()).toEqual(before);
    }
  });
});
