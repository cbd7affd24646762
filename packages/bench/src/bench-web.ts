/** Section 5: web bundle sizes (gzip -9) of packages/web/dist. */
import { existsSync } from "node:fs";
import { formatBytes } from "./markdown.js";
import { runTimed } from "./process-run.js";
import { repoPath, repoRoot } from "./repo.js";
import { notMeasured, type SectionResult } from "./section.js";
import { measureWebDist } from "./web-bundle.js";

const TITLE = "5. Web: JavaScript size";
const METHOD =
  "`vite build` of packages/web, then every JavaScript file of `packages/web/dist` is gzipped with node:zlib at level 9. " +
  "Initial = the module script(s) and modulepreload links referenced by `index.html`; all chunks = every JS file, an " +
  "upper bound of what sign-in loads (the lazy chunks carry msal-browser and the Graph client, loaded at sign-in, and " +
  "later steps such as the SharePoint certificate maker).";
const TARGET = "initial web JS < 60 KB gzip";
const LIMIT = 60 * 1024;

export async function benchWeb(): Promise<Omit<SectionResult, "seconds">> {
  const notes: string[] = [];
  const build = await runTimed("pnpm", ["--filter", "@boxafe-connect/web", "build"], {
    cwd: repoRoot,
    timeoutMs: 180_000,
  });
  const dist = repoPath("packages/web/dist");
  if (build.code !== 0) {
    const why = `vite build failed (exit ${build.code})`;
    if (!existsSync(`${dist}/index.html`)) return notMeasured("web", TITLE, METHOD, why, [TARGET]);
    notes.push(`${why}; measured the dist left by an earlier build.`);
  }
  const chunks = measureWebDist(dist);
  const initial = chunks.filter((c) => c.initial);
  const sum = (list: typeof chunks, key: "raw" | "gzip") => list.reduce((total, c) => total + c[key], 0);
  const initialGzip = sum(initial, "gzip");
  const allGzip = sum(chunks, "gzip");
  return {
    id: "web",
    title: TITLE,
    method: METHOD,
    tables: [
      {
        headers: ["Load", "Files", "Raw", "gzip -9"],
        rows: [
          [
            "Initial (index.html)",
            initial.length,
            formatBytes(sum(initial, "raw")),
            formatBytes(initialGzip),
          ],
          [
            "All JS chunks (sign-in and later steps)",
            chunks.length,
            formatBytes(sum(chunks, "raw")),
            formatBytes(allGzip),
          ],
        ],
        align: ["l", "r", "r", "r"],
      },
      {
        caption: "Per chunk:",
        headers: ["Chunk", "Initial", "Raw", "gzip -9"],
        rows: chunks.map((c) => [
          c.file,
          c.initial ? "yes" : "lazy",
          formatBytes(c.raw),
          formatBytes(c.gzip),
        ]),
        align: ["l", "l", "r", "r"],
      },
    ],
    targets: [
      {
        target: TARGET,
        figure: `${formatBytes(initialGzip)} (${initialGzip} B)`,
        pass: initialGzip < LIMIT,
        ...(initialGzip < LIMIT
          ? {}
          : { why: "the entry chunk carries code that could load lazily (see the per-chunk table)" }),
      },
    ],
    notes,
    charts: [],
  };
}
