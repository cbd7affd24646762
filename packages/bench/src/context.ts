/** Shared by the sandbox-backed sections: one sandbox host for the whole run, started on first use. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type SandboxHost, startHost } from "./sandbox-host.js";

export interface BenchContext {
  host(): Promise<SandboxHost>;
  close(): Promise<void>;
}

export function benchContext(): BenchContext {
  let host: Promise<SandboxHost> | undefined;
  let home: string | undefined;
  return {
    host() {
      if (!host) {
        // A fresh CA home per run: never races a sandbox another process is starting in the default home.
        home = mkdtempSync(path.join(tmpdir(), "boxafe-bench-"));
        host = startHost({ home });
      }
      return host;
    },
    async close() {
      if (host) await (await host.catch(() => undefined))?.stop();
      if (home) rmSync(home, { recursive: true, force: true });
    },
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
