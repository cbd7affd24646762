/** Drives a command in a real pseudo-terminal through tmux: send keys, read the screen. */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
import { cliMain } from "./harness.js";

/** tmux on PATH (Debian's is /usr/bin/tmux), as scripts/setup-machine.sh looks for it. */
const tmuxPath = (process.env.PATH ?? "")
  .split(delimiter)
  .filter((dir) => dir !== "")
  .map((dir) => join(dir, "tmux"))
  .find((file) => existsSync(file));
export const hasTmux = tmuxPath !== undefined;

/** Left by scripts/setup-machine.sh once it provided tmux and Chromium on this machine. */
const machineMarker = fileURLToPath(new URL("../../../node_modules/.boxafe-machine", import.meta.url));

/**
 * In CI (`CI` set) and on a machine scripts/setup-machine.sh set up, the wizard's terminal tests must
 * run: there a missing tmux fails them (and tmux.test.ts) instead of skipping them silently. Elsewhere
 * (a laptop without tmux) they are skipped.
 */
export function terminalTestsRequired(env: NodeJS.ProcessEnv, markerExists: boolean): boolean {
  return (env.CI ?? "") !== "" || markerExists;
}
export const tmuxRequired = terminalTestsRequired(process.env, existsSync(machineMarker));
export const skipTerminalTests = !hasTmux && !tmuxRequired;

export const MISSING_TMUX =
  "tmux is not installed, and the wizard's terminal tests must run here " +
  `(${(process.env.CI ?? "") !== "" ? "CI is set" : `scripts/setup-machine.sh set this machine up: ${machineMarker}`}); ` +
  "run `bash scripts/setup-machine.sh` (as root it installs tmux) or `apt-get install tmux`.";

/** A private tmux server for this test process, so no one else's sessions are touched. */
const socket = `boxafe-e2e-${process.pid}`;
const tmux = (...args: string[]): string => {
  if (tmuxPath === undefined) throw new Error(MISSING_TMUX);
  return execFileSync(tmuxPath, ["-L", socket, ...args], { encoding: "utf8" });
};

/** Stops this process's private tmux server (and only it). */
export function stopTerminals(): void {
  try {
    tmux("kill-server");
  } catch {
    // no server was started
  }
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Terminal {
  screen(): string;
  waitFor(text: string, timeoutMs?: number): Promise<string>;
  keys(...keys: string[]): void;
  kill(): void;
}

const quote = (value: string) => `'${value.replace(/'/g, "'\\''")}'`;

/** Starts `node dist/main.js ...args` in a detached 160x60 tmux session; prints EXIT=<code> at the end. */
export async function startInTerminal(
  name: string,
  dir: string,
  env: Record<string, string>,
  args: readonly string[],
  /** Where the command runs (default `dir`, where the script is written). */
  cwd: string = dir,
): Promise<Terminal> {
  const script = join(dir, `${name}.sh`);
  const exports = Object.entries(env)
    .filter(([key]) => key !== "NO_COLOR")
    .map(([key, value]) => `export ${key}=${quote(value)}`);
  await writeFile(
    script,
    [
      "#!/bin/sh",
      ...exports,
      "export TERM=xterm-256color",
      `cd ${quote(cwd)}`,
      `${quote(process.execPath)} ${quote(cliMain)} ${args.map(quote).join(" ")}`,
      'echo "EXIT=$?"',
      "sleep 120",
    ].join("\n"),
    { mode: 0o700 },
  );
  tmux("new-session", "-d", "-s", name, "-x", "160", "-y", "60", script);
  const screen = () => tmux("capture-pane", "-p", "-J", "-S", "-400", "-t", name);
  return {
    screen,
    async waitFor(text, timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const now = screen();
        if (now.includes(text)) return now;
        if (Date.now() > until) throw new Error(`Timed out waiting for "${text}". Screen:\n${now}`);
        await sleep(150);
      }
    },
    keys(...keys) {
      tmux("send-keys", "-t", name, ...keys);
    },
    kill() {
      try {
        tmux("kill-session", "-t", name);
      } catch {
        // already gone
      }
    },
  };
}
