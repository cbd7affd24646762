/**
 * Our side of the comparison: the built CLI (`packages/cli/dist/main.js`, what `boxafe-connect`
 * runs) in a child process against a running sandbox, with a private config directory.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
export const BOXAFE_CLI = join(
  dirname(require.resolve("@boxafe-connect/cli/package.json")),
  "dist",
  "main.js",
);

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** `caPems`: the sandbox CA, and the front's when the CLI goes through the loopback front. */
export function boxafeCliEnv(dir: string, caPems: string | readonly string[]): Record<string, string> {
  mkdirSync(join(dir, "config"), { recursive: true, mode: 0o700 });
  const ca = join(dir, "trusted-ca.pem");
  writeFileSync(
    ca,
    `${[caPems]
      .flat()
      .map((p) => p.trim())
      .join("\n")}\n`,
  );
  return {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    LANG: process.env.LANG ?? "C.UTF-8",
    HOME: dir,
    XDG_CONFIG_HOME: join(dir, "config"),
    BOXAFE_SANDBOX_HOME: join(dir, "sandbox-home"),
    NO_COLOR: "1",
    NODE_EXTRA_CA_CERTS: ca,
  };
}

export function runBoxafeCli(args: readonly string[], env: Record<string, string>): Promise<CliRun> {
  if (!existsSync(BOXAFE_CLI))
    throw new Error(`Build the CLI first: pnpm --filter @boxafe-connect/cli build`);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    // In the private directory: files the CLI writes (a certificate's .pem/.pfx/.cer) stay out of the repo.
    const child = spawn(process.execPath, [BOXAFE_CLI, ...args], {
      env,
      ...(env.HOME === undefined ? {} : { cwd: env.HOME }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr, ms: performance.now() - started }));
  });
}
