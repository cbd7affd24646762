/**
 * Builds the Worker exactly as `pnpm build` does (esbuild, --platform=neutral: any node:* import
 * fails here) and runs the bundle in workerd through Miniflare, without nodejs_compat.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import type { AccessLogEntry } from "../config.js";
import type { ApiSettings } from "../env-config.js";

export async function bundleWorker(): Promise<{ file: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), "boxafe-api-worker-"));
  const file = join(dir, "worker.js");
  await build({
    entryPoints: [fileURLToPath(new URL("../worker.ts", import.meta.url))],
    bundle: true,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    outfile: file,
    logLevel: "silent",
  });
  return { file, dir };
}

export interface WorkerdApi {
  readonly url: string;
  readonly mf: Miniflare;
  /** Access-log lines the Worker printed (parsed from workerd's stdout). */
  readonly logs: AccessLogEntry[];
  close(): Promise<void>;
}

/** `trustedCaPem`: a CA workerd's own TLS client should trust (the sandbox's). */
export async function startWorkerd(settings: ApiSettings, trustedCaPem?: string): Promise<WorkerdApi> {
  const { file, dir } = await bundleWorker();
  const logs: AccessLogEntry[] = [];
  const mf = new Miniflare({
    modules: true,
    scriptPath: file,
    modulesRoot: dir,
    compatibilityDate: "2026-04-01",
    bindings: { ...settings },
    durableObjects: { LIMITS: "LimitCounter" },
    ...(trustedCaPem === undefined
      ? {}
      : {
          outboundService: {
            network: {
              allow: ["local", "private", "public"],
              tlsOptions: { trustedCertificates: [trustedCaPem] },
            },
          },
        }),
    handleRuntimeStdio(stdout: Readable, stderr: Readable) {
      stderr.pipe(process.stderr);
      stdout.on("data", (chunk: Buffer) => {
        for (const line of chunk.toString("utf8").split("\n")) {
          const start = line.indexOf('{"requestId"');
          if (start >= 0) logs.push(JSON.parse(line.slice(start)) as AccessLogEntry);
        }
      });
    },
  });
  const url = (await mf.ready).toString().replace(/\/$/, "");
  return {
    url,
    mf,
    logs,
    close: async () => {
      await mf.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
