import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { forkSandbox, sandboxCpuMs } from "./forked-sandbox.js";

describe("a sandbox forked for a benchmark", () => {
  it("reports what it started, answers cpu, and exits 0 on stop", async () => {
    // Own CA home: never races another suite starting a sandbox in the default one.
    const home = mkdtempSync(path.join(tmpdir(), "bench-fork-"));
    try {
      const { child, started } = await forkSandbox<{ url: string; tenantId: string }>(
        new URL("./sandbox-child.ts", import.meta.url),
        {
          name: "the sandbox child",
          env: { ...process.env, BOXAFE_BENCH_SANDBOX_HOME: home },
          startWithinMs: 90_000,
        },
      );
      expect(started.url).toMatch(/^https:\/\/localhost:\d+$/);
      expect(started.tenantId).toMatch(/^[0-9a-f-]{36}$/);
      expect(await sandboxCpuMs(child)).toBeGreaterThan(0);
      const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
      child.send("stop");
      expect(await exited).toBe(0);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }, 120_000);

  it("names the child when it exits before it started", async () => {
    // A module that starts nothing: it loads, sends no message and exits 0.
    const idle = new URL("./forked-sandbox.ts", import.meta.url);
    const env = { ...process.env, BOXAFE_BENCH_SANDBOX_HOME: tmpdir() };
    await expect(forkSandbox(idle, { name: "the test child", env, startWithinMs: 90_000 })).rejects.toThrow(
      /^the test child exited with 0 before it started$/,
    );
  }, 120_000);
});
