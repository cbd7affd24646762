/**
 * A retired certificate never comes back: after `certificate rotate` (into another folder) and
 * `certificate retire` of the old one, `setup --yes` in the original folder finds the old files an
 * earlier run wrote there and must not re-add them. It says the folder's certificate was replaced,
 * names the current one, and writes nothing (tenant or disk). An admin's explicit
 * `--certificate-file` is another matter: it is added if absent, by design.
 */
import { mkdir, readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestEnv } from "./harness.js";
import { parseJson, setupApp, startTestEnv } from "./harness.js";

describe("a retired certificate found in a folder is not re-added", () => {
  let t: TestEnv;
  const keysOf = (clientId: string) => t.sandbox.context.dir.appByAppId(clientId)?.keyCredentials ?? [];
  const writes = () => t.sandbox.context.stats.snapshot().writes;
  beforeAll(async () => {
    t = await startTestEnv({ ewsPropagationMs: 0 });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("rotate into r1/, retire the old one, setup --yes in the old folder: refused, names the current one", async () => {
    const cwd = join(t.dir, "retired-comes-back");
    await mkdir(cwd, { recursive: true });
    const setup = await setupApp(t, ["--boxafe", "1.5"], { cwd });
    const setupArgs = setup.run.args;
    const { clientId } = setup;
    const oldPem = String(setup.pem);
    const app = ["--app-id", clientId, "--object-id", setup.objectId, "--sandbox", t.sandbox.url];
    const r1 = join(cwd, "r1");
    const rotate = await t.run(
      ["certificate", "rotate", "--json", ...app, "--certificate-file", oldPem, "--out-dir", r1],
      { cwd },
    );
    expect(rotate.code, rotate.stderr).toBe(0);
    const newPem = String((parseJson(rotate) as { files: { pem: string } }).files.pem);
    const retire = await t.run(["certificate", "retire", "--json", ...app, "--certificate-file", newPem], {
      cwd,
    });
    expect(retire.code, retire.stderr).toBe(0);
    const current = keysOf(clientId);
    expect(current).toHaveLength(1);
    const currentThumbprint = String(current[0]?.customKeyIdentifier);

    const files = (await readdir(cwd)).sort();
    const before = writes();
    const again = await t.run(setupArgs, { cwd });
    expect(again.code, `${again.stdout}\n---\n${again.stderr}`).not.toBe(0);
    expect(again.code).not.toBe(2);
    expect(again.stderr).toContain("retired or replaced");
    expect(again.stderr).toContain(currentThumbprint);
    expect(again.stderr).toContain("boxafe-");
    // Nothing re-added, nothing new made or written.
    expect(keysOf(clientId).map((k) => k.keyId)).toEqual(current.map((k) => k.keyId));
    expect(writes()).toBe(before);
    expect((await readdir(cwd)).sort()).toEqual(files);
    expect(again.stdout + again.stderr).not.toContain("PRIVATE KEY");

    // The current certificate named explicitly: reused, nothing added.
    const withCurrent = await t.run([...setupArgs, "--certificate-file", newPem], { cwd });
    expect(withCurrent.code, withCurrent.stderr).toBe(0);
    expect(keysOf(clientId)).toHaveLength(1);

    // The admin names the old file explicitly: added back, by design (their call, not a found file).
    const explicit = await t.run([...setupArgs, "--certificate-file", oldPem], { cwd });
    expect(explicit.code, explicit.stderr).toBe(0);
    expect(keysOf(clientId)).toHaveLength(2);
  });
});
