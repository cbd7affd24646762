/**
 * The package an admin installs: `pnpm pack` -> a tarball with the bundled CLI and nothing else,
 * installed by npm into an empty prefix with no registry (`--offline`, an empty cache), then run from
 * that prefix's bin against the embedded sandbox. Proves the tarball is self-contained.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { childEnv, requireBuild } from "./harness.js";

const run = promisify(execFile);
const cliDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Installed {
  readonly dir: string;
  readonly tarball: string;
  readonly bin: string;
  readonly env: Record<string, string>;
}

let installed: Installed;

async function installTarball(): Promise<Installed> {
  requireBuild();
  const dir = await mkdtemp(join(tmpdir(), "bc-pkg-"));
  const packDir = join(dir, "pack");
  await mkdir(packDir);
  const packed = await run("pnpm", ["pack", "--pack-destination", packDir], { cwd: cliDir });
  const tarball = packed.stdout.trim().split("\n").pop() ?? "";
  const prefix = join(dir, "prefix");
  // An empty cache and --offline: anything the tarball did not carry would fail to install.
  await run(
    "npm",
    ["install", "--global", "--prefix", prefix, "--offline", "--no-audit", "--no-fund", tarball],
    { env: { ...process.env, npm_config_cache: join(dir, "npm-cache") } },
  );
  const env = await childEnv(dir);
  // Only the installed prefix on PATH ahead of the system: the command is found by its name.
  env.PATH = `${join(prefix, "bin")}:${process.env.PATH ?? ""}`;
  return { dir, tarball, bin: "boxafe-connect", env };
}

async function installedRun(
  args: readonly string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(installed.bin, [...args], { env: installed.env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

describe("the installable package", () => {
  beforeAll(async () => {
    installed = await installTarball();
  }, 180_000);
  afterAll(async () => {
    await rm(installed.dir, { recursive: true, force: true });
  });

  it("holds the bundle, the README and the licence, with no dependency to fetch", async () => {
    const { stdout } = await run("tar", ["-tzf", installed.tarball]);
    const files = stdout.trim().split("\n").sort();
    expect(files).toContain("package/dist/main.js");
    expect(files).toContain("package/README.md");
    expect(files).toContain("package/LICENSE");
    expect(
      files.filter((f) => !/^package\/(dist\/.*\.js|README\.md|LICENSE|package\.json)$/.test(f)),
    ).toEqual([]);
    const manifest = JSON.parse(
      (await run("tar", ["-xzOf", installed.tarball, "package/package.json"])).stdout,
    ) as Record<string, unknown>;
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.license).toBe("MIT");
    expect(manifest.engines).toEqual({ node: ">=20" });
    expect(manifest.bin).toEqual({ "boxafe-connect": "dist/main.js" });
    // One build's bundle only: stale chunks of earlier builds would bloat every install.
    const chunks = files.filter((f) => f.startsWith("package/dist/chunks/"));
    const built = (await readdir(join(cliDir, "dist", "chunks"))).filter((f) => f.endsWith(".js"));
    expect(chunks).toHaveLength(built.length);
  });

  it("puts boxafe-connect on the PATH, with the package's version", async () => {
    const own = JSON.parse(await readFile(join(cliDir, "package.json"), "utf8")) as { version: string };
    const result = await installedRun(["--version"]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(own.version);
  });

  it("lists Table 1 from the install", async () => {
    const result = await installedRun(["permissions", "--json"]);
    expect(result.code).toBe(0);
    const view = JSON.parse(result.stdout) as { resources: { permissions: unknown[] }[] };
    expect(view.resources.flatMap((r) => r.permissions)).toHaveLength(26);
  });

  it("runs a whole setup against the embedded sandbox from the install, and check finds no drift", async () => {
    const setup = await installedRun(["setup", "--yes", "--boxafe", "1.4", "--json"]);
    expect(setup.code, setup.stderr).toBe(0);
    const result = JSON.parse(setup.stdout) as Record<string, unknown>;
    expect(result.ok).toBe(true);
    expect(result.clientId).toMatch(GUID);
    expect(result.tenantId).toMatch(GUID);
    const check = await installedRun(["check", "--json"]);
    expect(check.code, check.stderr).toBe(0);
    expect((JSON.parse(check.stdout) as Record<string, unknown>).ok).toBe(true);
  });
});
