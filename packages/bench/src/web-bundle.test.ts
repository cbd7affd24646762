import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { gzipSize, initialScripts, measureWebDist } from "./web-bundle.js";

describe("initialScripts", () => {
  it("finds module scripts and modulepreload links, not stylesheets or remote scripts", () => {
    const html = `<head>
      <script type="module" crossorigin src="/assets/index-abc.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/solid-xyz.js">
      <link rel="stylesheet" href="/assets/index.css">
      <script src="https://cdn.example/x.js"></script>
    </head>`;
    expect(initialScripts(html)).toEqual(["assets/index-abc.js", "assets/solid-xyz.js"]);
  });
});

describe("measureWebDist", () => {
  it("marks the entry chunks as initial and gzips every chunk", () => {
    const dist = mkdtempSync(path.join(tmpdir(), "bench-web-"));
    mkdirSync(path.join(dist, "assets"));
    writeFileSync(path.join(dist, "index.html"), `<script type="module" src="/assets/entry.js"></script>`);
    writeFileSync(path.join(dist, "assets/entry.js"), "console.log('entry');".repeat(50));
    writeFileSync(path.join(dist, "assets/lazy.js"), "export const lazy = 1;");
    const chunks = measureWebDist(dist);
    expect(chunks.map((c) => [c.file, c.initial])).toEqual([
      ["assets/entry.js", true],
      ["assets/lazy.js", false],
    ]);
    const entry = chunks[0];
    expect(entry?.raw).toBe(21 * 50);
    expect(entry?.gzip).toBeLessThan(entry?.raw ?? 0);
    expect(entry?.gzip).toBe(gzipSize(Buffer.from("console.log('entry');".repeat(50))));
  });
});
