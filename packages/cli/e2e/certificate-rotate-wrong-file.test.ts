/**
 * `certificate rotate` given the wrong --certificate-file (another app's). Found by QA: the new key
 * pair was made and its three files written before the app signed in, so the failed run left a
 * private key that is on no app, and the re-run with the right file was refused for the rest of the
 * day ("--out-dir: ...-<date>.pem already exists"). The current certificate now signs in first.
 */
import { mkdir, readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestEnv } from "./harness.js";
import { parseJson, setupApp, startTestEnv } from "./harness.js";

describe("certificate rotate with another app's certificate", () => {
  let t: TestEnv;
  beforeAll(async () => {
    t = await startTestEnv({ ewsPropagationMs: 0 });
  });
  afterAll(async () => {
    await t?.close();
  });

  const setupIn = async (cwd: string, name: string) => {
    await mkdir(cwd, { recursive: true });
    const app = await setupApp(t, ["--ews", "skip", "--app-name", name], { cwd });
    return { clientId: app.clientId, objectId: app.objectId, pem: join(cwd, String(app.pem)) };
  };

  it("stops before any file is written; the re-run with the right file converges", async () => {
    t.sandbox.context.dir.reset();
    const a = await setupIn(join(t.dir, "app-a"), "App A");
    const b = await setupIn(join(t.dir, "app-b"), "App B");
    const out = join(t.dir, "rotated-a");
    const rotate = (pem: string) =>
      t.run([
        "certificate",
        "rotate",
        "--json",
        "--app-id",
        a.clientId,
        "--object-id",
        a.objectId,
        "--certificate-file",
        pem,
        "--out-dir",
        out,
        "--sandbox",
        t.sandbox.url,
      ]);
    const wrong = await rotate(b.pem);
    expect(wrong.code).not.toBe(0);
    expect(parseJson(wrong)).toMatchObject({ ok: false });
    expect(await readdir(out).catch(() => [])).toEqual([]);
    expect(t.sandbox.context.dir.appByAppId(a.clientId)?.keyCredentials).toHaveLength(1);

    const right = await rotate(a.pem);
    expect(right.code, right.stderr).toBe(0);
    expect(t.sandbox.context.dir.appByAppId(a.clientId)?.keyCredentials).toHaveLength(2);
    expect((await readdir(out)).length).toBe(4);
  });
});
