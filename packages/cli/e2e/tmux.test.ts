/**
 * The wizard's terminal tests (wizard*.test.ts) skip where tmux is missing only on a machine nobody
 * promised it on: in CI and after scripts/setup-machine.sh a missing tmux fails here, by name.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { hasTmux, MISSING_TMUX, skipTerminalTests, terminalTestsRequired, tmuxRequired } from "./tmux.js";

describe("tmux for the wizard's terminal tests", () => {
  it("is required in CI and on a machine setup-machine.sh set up, not elsewhere", () => {
    expect(terminalTestsRequired({ CI: "true" }, false)).toBe(true);
    expect(terminalTestsRequired({ CI: "1" }, false)).toBe(true);
    expect(terminalTestsRequired({}, true)).toBe(true);
    expect(terminalTestsRequired({ CI: "" }, false)).toBe(false);
    expect(terminalTestsRequired({}, false)).toBe(false);
  });

  it.runIf(tmuxRequired)("is installed here, where the terminal tests must run", () => {
    expect(hasTmux, MISSING_TMUX).toBe(true);
    expect(skipTerminalTests).toBe(false);
  });

  it("is what every terminal test skips by: no e2e file skips on tmux alone", () => {
    const dir = fileURLToPath(new URL(".", import.meta.url));
    const own = new Set(["tmux.ts", "tmux.test.ts"]);
    const offenders = readdirSync(dir)
      .filter((file) => file.endsWith(".ts") && !own.has(file))
      .filter((file) => /\bhasTmux\b|skipIf\(\s*!/.test(readFileSync(`${dir}/${file}`, "utf8")));
    expect(offenders, "use describe.skipIf(skipTerminalTests) from tmux.ts").toEqual([]);
  });
});
