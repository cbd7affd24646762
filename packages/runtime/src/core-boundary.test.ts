/**
 * Proof that core stays platform-free (issue 2, "done means"): the repo's real Biome config rejects
 * node:*, adapter packages, platform globals and ambient time/randomness in packages/core/src, and
 * core's real tsconfig has neither the DOM lib nor Node types. Lives in runtime because it needs Node.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const biomeBin = join(repoRoot, "node_modules/.bin/biome");
const tscBin = join(repoRoot, "node_modules/.bin/tsc");

interface BiomeOverride {
  readonly plugins?: readonly string[];
}
interface BiomeConfig {
  readonly plugins?: readonly string[];
  readonly overrides?: readonly BiomeOverride[];
}

/** A scratch tree with the repo's own biome.json and plugin files, so files can be linted at core paths without touching the work tree. */
function biomeScratch(): string {
  const dir = mkdtempSync(join(tmpdir(), "core-boundary-"));
  const configText = readFileSync(join(repoRoot, "biome.json"), "utf8");
  writeFileSync(join(dir, "biome.json"), configText);
  const config = JSON.parse(configText) as BiomeConfig;
  const plugins = [...(config.plugins ?? []), ...(config.overrides ?? []).flatMap((o) => o.plugins ?? [])];
  for (const plugin of plugins) cpSync(join(repoRoot, plugin), join(dir, plugin));
  return dir;
}

function write(dir: string, relPath: string, code: string): void {
  const file = join(dir, relPath);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, code);
}

/** One Biome run over several files (each spawn costs ~0.4 s on a busy machine); returns exit status and output. */
function lint(dir: string, relPaths: readonly string[]): { status: number | null; output: string } {
  const run = spawnSync(biomeBin, ["lint", "--colors=off", "--max-diagnostics=200", ...relPaths], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

/** The diagnostics Biome printed for one file: every block whose header names that path. */
function diagnosticsFor(output: string, relPath: string): string {
  const blocks = output.split(/\n(?=\S+\.ts:\d+:\d+ )/);
  return blocks.filter((block) => block.trimStart().startsWith(`${relPath}:`)).join("\n");
}

const IMPORT_MESSAGE = "core must not import adapter or platform packages";

const forbidden: readonly (readonly [string, string, string])[] = [
  [
    "node:fs",
    'import { readFileSync } from "node:fs";\nexport const read = readFileSync;\n',
    "core is platform-free: inject a port instead of importing node:*",
  ],
  [
    "@azure/msal-node",
    'import { PublicClientApplication } from "@azure/msal-node";\nexport const App = PublicClientApplication;\n',
    IMPORT_MESSAGE,
  ],
  ["hono", 'import { Hono } from "hono";\nexport const app = new Hono();\n', IMPORT_MESSAGE],
  [
    "@microsoft/microsoft-graph-client",
    'import { Client } from "@microsoft/microsoft-graph-client";\nexport const C = Client;\n',
    IMPORT_MESSAGE,
  ],
  [
    "@boxafe-connect/runtime",
    'import { trustCa } from "@boxafe-connect/runtime";\nexport const t = trustCa;\n',
    IMPORT_MESSAGE,
  ],
  [
    "process",
    "export const tenant = process.env.TENANT_ID;\n",
    "core is platform-free: pass configuration in",
  ],
  ["fetch", 'export const get = () => fetch("https://graph.microsoft.com");\n', "inject a transport port"],
  ["setTimeout", "export const later = (f: () => void) => setTimeout(f, 10);\n", "inject a sleep port"],
  ["crypto", "export const id = () => crypto.randomUUID();\n", "inject a random/crypto port"],
  [
    "Buffer",
    'export const b64 = (s: string) => Buffer.from(s).toString("base64");\n',
    "core is platform-free",
  ],
  ["document", "export const title = () => document.title;\n", "core is platform-free"],
  [
    "Date.now()",
    "export const stamp = () => Date.now();\n",
    "read the time from the Clock port, not Date.now()",
  ],
  ["Math.random()", "export const jitter = () => Math.random();\n", "take randomness from the Random port"],
  ["new Date()", "export const today = () => new Date().toISOString();\n", "new Date() reads the clock"],
];

const casePath = (label: string) => `packages/core/src/case-${label.replace(/[^a-z0-9]+/gi, "-")}.ts`;

describe("Biome keeps packages/core/src platform-free", () => {
  let dir = "";
  let forbiddenRun = { status: null as number | null, output: "" };
  beforeAll(() => {
    dir = biomeScratch();
    for (const [label, code] of forbidden) write(dir, casePath(label), code);
    forbiddenRun = lint(
      dir,
      forbidden.map(([label]) => casePath(label)),
    );
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("fails the run", () => {
    expect(forbiddenRun.status, forbiddenRun.output).not.toBe(0);
  });

  it.each(forbidden)("rejects %s with our message", (label, _code, message) => {
    const diagnostics = diagnosticsFor(forbiddenRun.output, casePath(label));
    expect(diagnostics, forbiddenRun.output).toContain(message);
  });

  it("passes clean core code, and the same forbidden code outside core", () => {
    const clean = [
      'import { z } from "zod";',
      'import type { Clock } from "./ports.js";',
      "export const Name = z.string().min(1);",
      "export const isoNow = (clock: Clock): string => new Date(clock.now()).toISOString();",
      "export const utc = Date.UTC(2026, 0, 1);",
      "",
    ].join("\n");
    write(dir, "packages/core/src/clean.ts", clean);
    const adapter =
      'import { readFileSync } from "node:fs";\nexport const read = () => readFileSync("x") && Date.now();\n';
    write(dir, "packages/cli/src/adapter.ts", adapter);
    const result = lint(dir, ["packages/core/src/clean.ts", "packages/cli/src/adapter.ts"]);
    expect(result.status, result.output).toBe(0);
  });
});

describe("core's tsconfig has no DOM lib and no Node types", () => {
  it("resolves to lib es2022 only and types []", () => {
    const run = spawnSync(tscBin, ["-p", join(repoRoot, "packages/core/tsconfig.json"), "--showConfig"], {
      encoding: "utf8",
    });
    expect(run.status, run.stderr).toBe(0);
    const shown = JSON.parse(run.stdout) as { compilerOptions: { lib?: string[]; types?: string[] } };
    expect((shown.compilerOptions.lib ?? []).map((l) => l.toLowerCase())).not.toContain("dom");
    expect(shown.compilerOptions.types).toEqual([]);
  });

  it("fails to compile code that reaches for document, window, process or Buffer", () => {
    // Inside the repo (under node_modules/.cache) so @types/node WOULD be found if core's tsconfig let it in.
    const scratch = join(repoRoot, "node_modules/.cache");
    mkdirSync(scratch, { recursive: true });
    const dir = mkdtempSync(join(scratch, "core-tsc-"));
    try {
      const tsconfig = { extends: join(repoRoot, "packages/core/tsconfig.json"), include: ["./*.ts"] };
      writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(tsconfig));
      writeFileSync(
        join(dir, "clean.ts"),
        "export const last = [1, 2, 3].at(-1) ?? Object.hasOwn({}, 'a');\n",
      );
      const clean = spawnSync(tscBin, ["-p", join(dir, "tsconfig.json")], { encoding: "utf8" });
      expect(clean.status, clean.stdout).toBe(0);

      writeFileSync(
        join(dir, "platform.ts"),
        [
          "export const title = document.title;",
          "export const width = window.innerWidth;",
          "export const env = process.env;",
          'export const bytes = Buffer.from("x");',
          "",
        ].join("\n"),
      );
      const bad = spawnSync(tscBin, ["-p", join(dir, "tsconfig.json")], { encoding: "utf8" });
      const output = `${bad.stdout}\n${bad.stderr}`;
      expect(bad.status, output).not.toBe(0);
      for (const name of ["document", "window", "process", "Buffer"]) {
        expect(output).toContain(`Cannot find name '${name}'`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
