// `pnpm boxafe-connect ...` from a clone: runs the same bundle an admin installs (packages/cli/dist),
// rebuilding it first when one of the files it was built from is newer, so contributors never run a
// stale CLI and `--help` costs about what the installed command costs (no tsx, no TypeScript).
import { spawnSync } from "node:child_process";
import { readFileSync, statSync, utimesSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cliDir = join(root, "packages", "cli");
const bundle = join(cliDir, "dist", "main.js");

/** True when the bundle is missing or older than any file it was made from (dist/inputs.json). */
function stale() {
  try {
    const built = statSync(bundle).mtimeMs;
    const inputs = JSON.parse(readFileSync(join(cliDir, "dist", "inputs.json"), "utf8"));
    // A deleted input throws: that is a change too.
    return inputs.some((file) => statSync(join(root, file)).mtimeMs > built);
  } catch {
    return true;
  }
}

if (stale()) {
  process.stderr.write("boxafe-connect: sources changed, rebuilding the CLI bundle...\n");
  const built = spawnSync(process.execPath, ["build.mjs"], {
    cwd: cliDir,
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
  // esbuild may leave an unchanged file untouched; the stamp is what the next start compares.
  const now = new Date();
  utimesSync(bundle, now, now);
}

// The bundle reads process.argv itself; importing it in this process saves a second Node start-up.
await import(pathToFileURL(bundle).href);
