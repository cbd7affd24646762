/**
 * The bundled CLI (packages/cli/dist/main.js) that the CLI sections run, built first so a section run
 * alone (`pnpm bench fleet-cli`) measures today's code, not a missing or stale dist.
 */
import { existsSync } from "node:fs";
import { runTimed } from "./process-run.js";
import { repoPath, repoRoot } from "./repo.js";

export interface CliBuild {
  readonly main: string;
  /** Why the build failed; undefined when it succeeded. */
  readonly failed?: string;
  /** False when there is no dist to run at all (the build failed and none was left by an earlier one). */
  readonly usable: boolean;
}

export async function buildCli(): Promise<CliBuild> {
  const main = repoPath("packages/cli/dist/main.js");
  const build = await runTimed("pnpm", ["--filter", "@boxafe-connect/cli", "build"], {
    cwd: repoRoot,
    timeoutMs: 120_000,
  });
  if (build.code === 0) return { main, usable: true };
  return { main, failed: `CLI build failed (exit ${build.code})`, usable: existsSync(main) };
}
