/**
 * autocannon in its own process (its CLI with --json), so the load generator does not share the
 * server's event loop. The request body goes through a 0600 temp file, never the command line.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runTimed } from "./process-run.js";
import { repoPath } from "./repo.js";

export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly total: number;
  readonly non2xx: number;
  readonly errors: number;
}

export async function loadTest(options: {
  url: string;
  seconds: number;
  connections: number;
  method?: "GET" | "POST";
  jsonBody?: unknown;
  /** Extra request headers, e.g. the API's X-Api-Key. */
  headers?: Readonly<Record<string, string>>;
}): Promise<LoadResult> {
  const bin = repoPath("packages/bench/node_modules/.bin/autocannon");
  const args = ["--json", "-c", String(options.connections), "-d", String(options.seconds)];
  let dir: string | undefined;
  if (options.method === "POST") {
    dir = mkdtempSync(path.join(tmpdir(), "bench-load-"));
    const file = path.join(dir, "body.json");
    writeFileSync(file, JSON.stringify(options.jsonBody ?? {}), { mode: 0o600 });
    args.push("-m", "POST", "-H", "content-type=application/json", "-i", file);
  }
  for (const [name, value] of Object.entries(options.headers ?? {})) args.push("-H", `${name}=${value}`);
  try {
    const run = await runTimed(bin, [...args, options.url], {
      env: { ...process.env, NODE_OPTIONS: "" },
      timeoutMs: (options.seconds + 30) * 1000,
    });
    if (run.code !== 0)
      throw new Error(`autocannon exited with ${run.code}: ${run.stderr.split("\n")[0] ?? ""}`);
    const result = JSON.parse(run.stdout) as {
      requests: { average: number; total: number };
      latency: { p50: number; p99: number };
      non2xx: number;
      errors: number;
    };
    return {
      requestsPerSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      total: result.requests.total,
      non2xx: result.non2xx,
      errors: result.errors,
    };
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
