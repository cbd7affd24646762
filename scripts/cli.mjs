// `pnpm boxafe-connect ...` from a clone: runs the same bundle an admin installs (packages/cli/dist),
// rebuilding it first when any workspace source is newer, so contributors never run a stale CLI and
// `--help` costs what the installed command costs (no tsx, no TypeScript at start-up).
import { spawnSync } from "node:child_process";
import { readdirSync, statSync, utimesSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cliDir = join(root, "packages", "cli");
const bundle = join(cliDir, "dist", "main.js");

/** Newest mtime under a folder's sources (a few hundred stat calls: about a millisecond). */
function newestSource(dir, newest = 0) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return newest;
  }
  for (const entry of entries) {
    if (entry.name === "node_modules" || entry.name.endsWith(".test.ts")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = newestSource(path, newest);
    else newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function bundleTime() {
  try {
    return statSync(bundle).mtimeMs;
  } catch {
    return 0;
  }
}

function sourcesTime() {
  let newest = 0;
  for (const pkg of readdirSync(join(root, "packages"))) {
    const dir = join(root, "packages", pkg);
    newest = newestSource(join(dir, "src"), newest);
    for (const file of ["package.json", "build.mjs"]) {
      try {
        newest = Math.max(newest, statSync(join(dir, file)).mtimeMs);
      } catch {
        // not every package has a build script
      }
    }
  }
  return newest;
}

if (bundleTime() < sourcesTime()) {
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
