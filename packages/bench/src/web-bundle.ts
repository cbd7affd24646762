/** Section 5: gzip bytes of the web app's initial JavaScript and of every chunk (through sign-in). */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

export interface ChunkSize {
  readonly file: string;
  readonly raw: number;
  readonly gzip: number;
  readonly initial: boolean;
}

/** Script and modulepreload URLs of index.html, as dist-relative paths. */
export function initialScripts(indexHtml: string): string[] {
  const found = new Set<string>();
  const tag = /<(script|link)\b[^>]*>/gi;
  for (const match of indexHtml.matchAll(tag)) {
    const text = match[0];
    const isScript = match[1]?.toLowerCase() === "script";
    const isPreload = /\brel=["']?modulepreload["']?/i.test(text);
    if (!isScript && !isPreload) continue;
    const url = /\b(?:src|href)=["']([^"']+)["']/i.exec(text)?.[1];
    if (url && /\.m?js(\?|$)/.test(url) && !/^(https?:)?\/\//.test(url)) {
      found.add(url.replace(/^\.?\//, "").replace(/\?.*$/, ""));
    }
  }
  return [...found];
}

export function gzipSize(bytes: Buffer): number {
  return gzipSync(bytes, { level: 9 }).length;
}

function listJs(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return listJs(full, base);
    return /\.m?js$/.test(name) ? [path.relative(base, full).split(path.sep).join("/")] : [];
  });
}

export function measureWebDist(distDir: string): ChunkSize[] {
  const initial = new Set(initialScripts(readFileSync(path.join(distDir, "index.html"), "utf8")));
  if (initial.size === 0) throw new Error(`${distDir}/index.html references no module script`);
  return listJs(distDir)
    .map((file) => {
      const bytes = readFileSync(path.join(distDir, file));
      return { file, raw: bytes.length, gzip: gzipSize(bytes), initial: initial.has(file) };
    })
    .sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzip - a.gzip);
}
