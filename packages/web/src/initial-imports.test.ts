/**
 * Guards the page's initial JavaScript (BENCHMARKS.md budget, measured by `pnpm bench web`): what main.tsx
 * reaches through static imports is what the first page load downloads. Sign-in (msal, Graph, core's
 * engine), the certificate code and the end card's clients load with a dynamic import where they are
 * needed. A dynamic import of core's barrel is refused too: the entry already imports leaf exports of
 * core statically, and the bundler then makes the whole barrel (zod, the request schemas) a chunk the
 * entry preloads.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.dirname(new URL(import.meta.url).pathname);

/** Specifiers of value imports and re-exports (not `import type`), static only. */
function staticImports(source: string): string[] {
  const found: string[] = [];
  const statement = /^(?:import|export)\s+(type\s+)?(?:[^;"']*?\bfrom\s+)?["']([^"']+)["']/gm;
  for (const match of source.matchAll(statement)) {
    const specifier = match[2];
    if (match[1] === undefined && specifier !== undefined) found.push(specifier);
  }
  return found;
}

function resolveLocal(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  const base = path.resolve(path.dirname(from), specifier).replace(/\.js$/, "");
  return [`${base}.ts`, `${base}.tsx`].find((candidate) => existsSync(candidate));
}

/** Local modules reachable from `entry` through static value imports, as src-relative paths. */
function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    const relative = path.relative(SRC, file);
    if (seen.has(relative)) continue;
    seen.add(relative);
    for (const specifier of staticImports(readFileSync(file, "utf8"))) {
      const local = resolveLocal(file, specifier);
      if (local) queue.push(local);
    }
  }
  return seen;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("staticImports", () => {
  it("reads value imports and re-exports over several lines, and skips type-only ones", () => {
    const source = [
      'import { a } from "./a.js";',
      'import type { B } from "./b.js";',
      "import {\n  c,\n  type D,\n} from './c.js';",
      'export { e } from "./e.js";',
      'import "./styles.css";',
      'const lazy = () => import("./lazy.js");',
    ].join("\n");
    expect(staticImports(source)).toEqual(["./a.js", "./c.js", "./e.js", "./styles.css"]);
  });
});

describe("the page's initial JavaScript", () => {
  it("does not statically reach sign-in, the certificate code or the end card's clients", () => {
    const graph = staticGraph(path.join(SRC, "main.tsx"));
    expect(graph.has("app.tsx")).toBe(true);
    expect(graph.has("workloads/use-workloads.ts")).toBe(true);
    const lazy = [
      "wizard/session-driver.ts",
      "workloads/prove-client.ts",
      "workloads/ews-client.ts",
      "workloads/ews-step.ts",
      "wizard/add-certificate.ts",
      "wizard/boxafe-certificate.ts",
    ];
    expect(lazy.filter((file) => graph.has(file))).toEqual([]);
    const libraries = [...graph].flatMap((file) =>
      staticImports(readFileSync(path.join(SRC, file), "utf8"))
        .filter((specifier) => /^@azure\/|^@microsoft\/|^@boxafe-connect\/certs/.test(specifier))
        .map((specifier) => `${file}: ${specifier}`),
    );
    expect(libraries).toEqual([]);
  });

  it("never imports core's barrel dynamically (a leaf module re-exports what a lazy step needs)", () => {
    const offenders = sourceFiles(SRC)
      .filter((file) => /\bimport\(\s*["']@boxafe-connect\/core["']\s*\)/.test(readFileSync(file, "utf8")))
      .map((file) => path.relative(SRC, file));
    expect(offenders).toEqual([]);
  });
});
