/**
 * The guided setup (Boxafe 1.5) when the proof fails after the new certificate's files were
 * written: the error's choices include "Stop here", so the certificate and its PFX password
 * (shown only now) are shown before them (core's unheld), not only at a hand-over never reached.
 */
import { readdirSync } from "node:fs";
import { parseFaults } from "@boxafe-connect/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestEnv } from "./harness.js";
import { startTestEnv } from "./harness.js";
import type { Terminal } from "./tmux.js";
import { skipTerminalTests, startInTerminal, stopTerminals } from "./tmux.js";

describe.skipIf(skipTerminalTests)("setup wizard for Boxafe 1.5 failing after the certificate", () => {
  let t: TestEnv;
  const terminals: Terminal[] = [];

  beforeAll(async () => {
    t = await startTestEnv({ ewsPropagationMs: 0 });
  });
  afterAll(async () => {
    for (const term of terminals) term.kill();
    stopTerminals();
    t?.sandbox.context.faults.set(parseFaults(""));
    await t?.close();
  });

  it("shows the PFX password before the error's choices", async () => {
    // As in setup-failure-certificate.test.ts: the proof's admin read starts a 503 outage once the
    // .pfx is written, past the run's 2 s retry budget.
    const stats = t.sandbox.context.stats;
    const subRequest = stats.subRequest.bind(stats);
    stats.subRequest = (method, path) => {
      subRequest(method, path);
      if (method !== "GET" || !path.endsWith("/appRoleAssignments")) return;
      if (!readdirSync(t.dir).some((n) => n.endsWith(".pfx"))) return;
      stats.subRequest = subRequest;
      t.sandbox.context.faults.set(parseFaults("unavailable=1"));
    };
    const term = await startInTerminal(
      `bc-boxafe15-fail-${process.pid}`,
      t.dir,
      { ...t.env, BOXAFE_RETRY_BUDGET_SECONDS: "2" },
      ["setup", "--boxafe", "1.5", "--sandbox", t.sandbox.url],
    );
    terminals.push(term);
    await term.waitFor("Which app should Boxafe use?");
    term.keys("Enter");
    await term.waitFor("App name (shown in Entra ID and in Boxafe)");
    term.keys("Enter");
    await term.waitFor("Apply these");
    term.keys("Enter");
    const shown = await term.waitFor("What now?", 90_000);
    expect(shown).toContain("Made before the failure: the new certificate");
    expect(shown).toMatch(/PFX password \(shown only now\): \S{12,}/);
    expect(shown).toMatch(/Upload \S+\.pfx/);
  });
});
