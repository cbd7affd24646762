/** Packs the CLI as an admin gets it and installs the tarball offline into an empty prefix. */
import { mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runTimed } from "./process-run.js";
import { repoPath } from "./repo.js";

export interface InstalledCli {
  /** The `boxafe-connect` command in the prefix's bin folder. */
  readonly bin: string;
  readonly tarballBytes: number;
  readonly dispose: () => Promise<void>;
}

async function mustRun(command: string, args: readonly string[], options: Parameters<typeof runTimed>[2]) {
  const result = await runTimed(command, args, { timeoutMs: 180_000, ...options });
  if (result.code !== 0) {
    const why = (result.stderr.trim().split("\n").pop() ?? "").slice(0, 160);
    throw new Error(`${command} ${args[0] ?? ""} failed (exit ${result.code}): ${why}`);
  }
  return result;
}

export async function installCli(): Promise<InstalledCli> {
  const dir = await mkdtemp(join(tmpdir(), "bc-bench-pkg-"));
  const packDir = join(dir, "pack");
  await mkdir(packDir);
  const packed = await mustRun("pnpm", ["pack", "--pack-destination", packDir], {
    cwd: repoPath("packages/cli"),
  });
  const tarball = packed.stdout.trim().split("\n").pop() ?? "";
  const prefix = join(dir, "prefix");
  await mustRun(
    "npm",
    ["install", "--global", "--prefix", prefix, "--offline", "--no-audit", "--no-fund", tarball],
    {
      env: { ...process.env, npm_config_cache: join(dir, "npm-cache") },
    },
  );
  return {
    bin: join(prefix, "bin", "boxafe-connect"),
    tarballBytes: (await stat(tarball)).size,
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
