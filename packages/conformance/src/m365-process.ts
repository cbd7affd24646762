/**
 * Runs the unmodified CLI for Microsoft 365 (`m365`, the pinned @pnp/cli-microsoft365) in a child
 * process whose HOME, config and temp directories are private to one run, with the loopback preload
 * in NODE_OPTIONS and the front's CA (plus the sandbox's) in NODE_EXTRA_CA_CERTS. Nothing of the
 * parent's environment reaches it but PATH and LANG, so no proxy, token or setting leaks in or out.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const packageJson = require.resolve("@pnp/cli-microsoft365/package.json");
const manifest = JSON.parse(readFileSync(packageJson, "utf8")) as {
  version: string;
  bin: Record<string, string>;
};

export const M365_VERSION = manifest.version;
export const M365_BIN = join(dirname(packageJson), manifest.bin.m365 ?? "dist/index.js");
export const PRELOAD = join(dirname(fileURLToPath(import.meta.url)), "loopback-preload.cjs");

/** The names m365 11 calls for a Graph + Entra job (Auth.ts endpoints for the public cloud). */
export const MICROSOFT_HOSTS = ["login.microsoftonline.com", "graph.microsoft.com"] as const;

export interface M365Home {
  readonly dir: string;
  readonly env: Readonly<Record<string, string>>;
  /** The preload's log of host names: mapped to the front, or blocked. */
  readonly hostLog: string;
}

export interface M365HomeOptions {
  readonly dir: string;
  readonly frontPort: number;
  /** PEM of every CA the peer must trust: the front's and the sandbox's. */
  readonly caPems: readonly string[];
}

/** A private home for one m365 configuration (token cache, connection, config store, temp files). */
export function m365Home(options: M365HomeOptions): M365Home {
  const { dir } = options;
  for (const sub of ["home", "config/configstore", "tmp"])
    mkdirSync(join(dir, sub), { recursive: true, mode: 0o700 });
  const ca = join(dir, "trusted-ca.pem");
  writeFileSync(ca, `${options.caPems.map((p) => p.trim()).join("\n")}\n`);
  // What `m365 cli config set --key disableTelemetry --value true` writes: the run must not phone home.
  writeFileSync(
    join(dir, "config/configstore/cli-m365-config.json"),
    JSON.stringify({ disableTelemetry: true }),
  );
  const hostLog = join(dir, "hosts.log");
  writeFileSync(hostLog, "");
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    LANG: process.env.LANG ?? "C.UTF-8",
    HOME: join(dir, "home"),
    XDG_CONFIG_HOME: join(dir, "config"),
    TMPDIR: join(dir, "tmp"),
    NO_COLOR: "1",
    FORCE_COLOR: "0",
    // m365's own switch for its update-notifier check (index.ts), which would call the npm registry.
    CLIMICROSOFT365_NOUPDATE: "1",
    NODE_OPTIONS: `--require ${PRELOAD}`,
    NODE_EXTRA_CA_CERTS: ca,
    BOXAFE_LOOPBACK: JSON.stringify({ hosts: MICROSOFT_HOSTS, port: options.frontPort, log: hostLog }),
  };
  return { dir, env, hostLog };
}

export interface M365Run {
  readonly args: readonly string[];
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

export function runM365(
  home: M365Home,
  args: readonly string[],
  onStderr?: (all: string, child: ChildProcess) => void,
): Promise<M365Run> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [M365_BIN, ...args], {
      cwd: home.env.HOME,
      env: home.env,
      stdio: ["ignore", "pipe", "pipe"],
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
    child.on("close", (code) => resolve({ args, code, stdout, stderr, ms: performance.now() - started }));
  });
}

export interface HostLogEntry {
  readonly kind: "mapped" | "blocked";
  readonly host: string;
}

export function readHostLog(home: M365Home): HostLogEntry[] {
  return readFileSync(home.hostLog, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as HostLogEntry);
}
