/**
 * End-to-end harness: a sandbox in this process, the BUILT CLI (dist/main.js) in child processes
 * that trust the sandbox CA through NODE_EXTRA_CA_CERTS, and a transcript of every run's output.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { RunningSandbox, SandboxOptions } from "@boxafe-connect/sandbox";
import { startSandbox } from "@boxafe-connect/sandbox";
import { expect } from "vitest";

export const cliMain = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "main.js");

export interface CliRun {
  readonly args: readonly string[];
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Every CLI run of the e2e suite, for the secret/token leak check. */
export const transcript: CliRun[] = [];

export interface TestEnv {
  readonly sandbox: RunningSandbox;
  readonly dir: string;
  readonly env: Record<string, string>;
  run(
    args: readonly string[],
    options?: {
      env?: Record<string, string>;
      input?: string;
      onStderr?: (all: string, child: ChildProcess) => void;
      /** Where files the CLI writes next to itself (certificates) go; default this process's cwd. */
      cwd?: string;
    },
  ): Promise<CliRun>;
  close(): Promise<void>;
}

export function requireBuild(): void {
  if (!existsSync(cliMain))
    throw new Error(`Build the CLI first: pnpm --filter @boxafe-connect/cli build (${cliMain})`);
}

export function runCli(
  args: readonly string[],
  env: Record<string, string>,
  input?: string,
  onStderr?: (all: string, child: ChildProcess) => void,
  cwd?: string,
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliMain, ...args], {
      env,
      stdio: ["pipe", "pipe", "pipe"],
      ...(cwd ? { cwd } : {}),
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr += d;
      onStderr?.(stderr, child);
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const run = { args, code, stdout, stderr };
      transcript.push(run);
      resolve(run);
    });
    child.stdin.end(input ?? "");
  });
}

/** A clean child environment: no inherited secret, no colour, private config and sandbox home. */
export async function childEnv(dir: string, caPem?: string): Promise<Record<string, string>> {
  const base: Record<string, string> = {};
  for (const key of ["PATH", "HOME", "LANG", "TZ", "SYSTEMROOT"]) {
    const value = process.env[key];
    if (value !== undefined) base[key] = value;
  }
  const home = join(dir, "sandbox-home");
  await mkdir(home, { recursive: true });
  const env: Record<string, string> = {
    ...base,
    NO_COLOR: "1",
    XDG_CONFIG_HOME: join(dir, "config"),
    BOXAFE_SANDBOX_HOME: home,
  };
  if (caPem) {
    const system = await readFile("/etc/ssl/certs/ca-certificates.crt", "utf8").catch(() => "");
    const bundle = join(dir, "ca-bundle.pem");
    await writeFile(bundle, `${system}\n${caPem}\n`);
    env.NODE_EXTRA_CA_CERTS = bundle;
  }
  return env;
}

export async function startTestEnv(options: SandboxOptions = {}): Promise<TestEnv> {
  requireBuild();
  const dir = await mkdtemp(join(tmpdir(), "bc-e2e-"));
  const home = join(dir, "sandbox-home");
  await mkdir(home, { recursive: true });
  const sandbox = await startSandbox({ port: 0, autoApprove: true, home, ...options });
  const env = await childEnv(dir, sandbox.caPem);
  return {
    sandbox,
    dir,
    env,
    run: (args, runOptions = {}) =>
      runCli(args, { ...env, ...runOptions.env }, runOptions.input, runOptions.onStderr, runOptions.cwd),
    close: () => sandbox.stop(),
  };
}

export function parseJson(run: CliRun): Record<string, unknown> {
  try {
    return JSON.parse(run.stdout) as Record<string, unknown>;
  } catch {
    throw new Error(`stdout is not JSON (exit ${run.code}):\n${run.stdout}\n--- stderr ---\n${run.stderr}`);
  }
}

/** An app made by `setup --yes --json` in a test (setupApp). */
export interface SetupApp {
  /** The run itself; `run.args` repeats the same setup. */
  readonly run: CliRun;
  readonly doc: Record<string, unknown>;
  readonly clientId: string;
  readonly objectId: string;
  /** The certificate's PEM file as the JSON names it (relative to cwd), when setup wrote one. */
  readonly pem: string | undefined;
}

/**
 * `setup --yes <args> --json --sandbox <the test's sandbox>`, which must exit 0 (its stderr is the
 * failure message), and the app it made: the set-up most e2e tests start from.
 */
export async function setupApp(
  t: Pick<TestEnv, "run" | "sandbox">,
  args: readonly string[] = [],
  options: { readonly cwd?: string; readonly env?: Record<string, string> } = {},
): Promise<SetupApp> {
  const run = await t.run(["setup", "--yes", ...args, "--json", "--sandbox", t.sandbox.url], {
    ...(options.cwd ? { cwd: options.cwd } : {}),
    ...(options.env ? { env: options.env } : {}),
  });
  expect(run.code, run.stderr).toBe(0);
  const doc = parseJson(run);
  const files = (doc.certificate as { files?: { pem?: unknown } } | null | undefined)?.files;
  return {
    run,
    doc,
    clientId: String(doc.clientId),
    objectId: String(doc.applicationObjectId),
    pem: typeof files?.pem === "string" ? files.pem : undefined,
  };
}
