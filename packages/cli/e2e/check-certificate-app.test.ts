/**
 * `check` on the app a default setup made (Boxafe 1.5: a certificate and, by design, no client
 * secret). Found by QA: check planned a client secret for it, called that drift and exited 3,
 * telling the admin "setup would make 1 change" when setup would make none. A 1.4 app (a secret)
 * whose secret is gone is still drift.
 */
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestEnv } from "./harness.js";
import { parseJson, setupApp, startTestEnv } from "./harness.js";

describe("check on a certificate (Boxafe 1.5) app", () => {
  let t: TestEnv;
  beforeAll(async () => {
    t = await startTestEnv({ ewsPropagationMs: 0 });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("after setup --yes (default 1.5): no drift, exit 0, no secret planned", async () => {
    t.sandbox.context.dir.reset();
    const cwd = join(t.dir, "check-15");
    await mkdir(cwd, { recursive: true });
    const setup = await setupApp(t, ["--ews", "skip"], { cwd });
    expect(setup.doc).toMatchObject({ boxafe: "1.5", clientSecret: null });

    const check = await t.run(["check", "--json", "--sandbox", t.sandbox.url], { cwd });
    const doc = parseJson(check);
    expect(doc.changes, check.stderr).toEqual([]);
    expect(doc).toMatchObject({ ok: true, drift: false });
    expect(check.code).toBe(0);
    // And plan agrees: setup has nothing to do.
    const plan = parseJson(await t.run(["plan", "--json", "--sandbox", t.sandbox.url], { cwd }));
    expect(plan).toMatchObject({ nothingToDo: true, actions: [] });
    await rm(cwd, { recursive: true, force: true });
  });

  it("a 1.4 app (secret) whose secret was removed is still drift", async () => {
    t.sandbox.context.dir.reset();
    const setup = parseJson(
      await t.run([
        "setup",
        "--yes",
        "--boxafe",
        "1.4",
        "--ews",
        "skip",
        "--json",
        "--sandbox",
        t.sandbox.url,
      ]),
    );
    const app = t.sandbox.context.dir.appByAppId(String(setup.clientId));
    expect(app?.passwordCredentials).toHaveLength(1);
    app?.passwordCredentials.splice(0);
    const check = await t.run(["check", "--json", "--sandbox", t.sandbox.url]);
    expect(check.code).toBe(3);
    expect(String(parseJson(check).changes)).toContain("Add client secret");
  });
});
