/**
 * Strings read from a tenant reach the terminal with control characters escaped. Found by QA: an
 * app whose display name (anyone with Application.ReadWrite.All can set it) holds an escape
 * sequence was printed raw by plan/check/setup's "Found app" line, setup's hand-over header and
 * secret list (which also printed secret descriptions and hints raw): a name like
 * "\u001b]0;...\u0007\u001b[2J" retitles and clears the admin's terminal.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestEnv } from "./harness.js";
import { parseJson, startTestEnv } from "./harness.js";

const HOSTILE = "Boxafe\u001b]0;pwned\u0007\u001b[2J";
const SECRET_NAME = "evil\u001b[31m\nFAKE: ok";

describe("tenant strings are printed escaped", () => {
  let t: TestEnv;
  beforeAll(async () => {
    t = await startTestEnv({ ewsPropagationMs: 0 });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("an app name and a secret description with control characters", async () => {
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
    const clientId = String(setup.clientId);
    const app = t.sandbox.context.dir.appByAppId(clientId);
    if (!app) throw new Error("setup made no app");
    app.displayName = HOSTILE;
    const [secret] = app.passwordCredentials;
    if (!secret) throw new Error("setup made no secret");
    secret.displayName = SECRET_NAME;

    const runs = [
      await t.run(["plan", "--app-id", clientId, "--sandbox", t.sandbox.url]),
      await t.run(["secret", "list", "--app-id", clientId, "--sandbox", t.sandbox.url]),
      await t.run([
        "setup",
        "--yes",
        "--boxafe",
        "1.4",
        "--ews",
        "skip",
        "--app-id",
        clientId,
        "--sandbox",
        t.sandbox.url,
      ]),
    ];
    for (const run of runs) {
      const printed = `${run.stdout}${run.stderr}`;
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the test is about control characters
      expect(printed, run.args.join(" ")).not.toMatch(/[\u0007\u001b]/);
      expect(printed, run.args.join(" ")).toContain("Boxafe\\u001b]0;pwned\\u0007\\u001b[2J");
    }
    const list = runs[1];
    expect(list?.stdout).toContain("evil\\u001b[31m\\u000aFAKE: ok");
    expect(list?.stdout).not.toMatch(/^FAKE: ok/m);
  });
});
