/**
 * The guided setup in a real terminal (tmux): answered from sign-in to hand-over, and interrupted
 * with Ctrl-C at a prompt, then continued with --resume.
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestEnv } from "./harness.js";
import { startTestEnv } from "./harness.js";
import { skipTerminalTests } from "./tmux.js";
import { acceptChooseApp, wizardTerminals } from "./wizard-terminal.js";

describe.skipIf(skipTerminalTests)("setup wizard in a terminal", () => {
  let t: TestEnv;
  const { open, closeAll } = wizardTerminals(() => t);

  beforeAll(async () => {
    t = await startTestEnv();
  });
  afterAll(async () => {
    closeAll();
    await t?.close();
  });

  it("walks from sign-in to the hand-over with the default answers", async () => {
    const term = await open("walk", [
      "setup",
      "--boxafe",
      "1.4",
      "--ews",
      "skip",
      "--sandbox",
      t.sandbox.url,
    ]);
    await term.waitFor("Signed in as admin@contoso.onmicrosoft.com");
    await term.waitFor("Role: Global Administrator");
    await term.waitFor("Which app should Boxafe use?");
    term.keys("Enter");
    await term.waitFor("Client secret description");
    term.keys("Enter");
    await term.waitFor("Client secret lifetime");
    term.keys("Enter");
    await term.waitFor("App name (shown in Entra ID and in Boxafe)");
    term.keys("Enter");
    const review = await term.waitFor("Apply these 26 changes to the tenant?");
    expect(review).toContain("Admin consent, by API:");
    expect(review).toMatch(/application \(10\): Calendars\.ReadWrite, /);
    expect(review).toContain("delegated (1): User.Read [RETIRED 2025-08-31]");
    term.keys("Enter");
    const handOver = await term.waitFor("Also write these values to a file", 60_000);
    const app = t.sandbox.context.dir.data.applications.find((a) => a.displayName === "QNAP Boxafe");
    expect(app).toBeDefined();
    expect(handOver).toContain(`Application (client) ID: ${app?.appId}`);
    expect(handOver).toContain(`Directory (tenant) ID:   ${t.sandbox.tenantId}`);
    expect(handOver).toMatch(/Client secret: {11}\S{3}\dQ~\S+/);
    expect(handOver).toContain("The client secret is shown only now");
    term.keys("Enter");
    const advice = await term.waitFor("Have you copied the client secret?");
    expect(advice).toContain(`+ "${app?.appId}" | Where-Object`);
    term.keys("Enter");
    await term.waitFor("Add SharePoint access now?");
    term.keys("Enter");
    const end = await term.waitFor("EXIT=", 60_000);
    // Boxafe 1.4 with EWS skipped: the honest end says what is blocked, never "can back up this tenant".
    expect(end).not.toContain("Boxafe can now back up this tenant");
    expect(end).toContain("What Boxafe can back up now");
    expect(end).toMatch(/BLOCKED\s+Exchange mail, calendars and contacts \(EWS\)/);
    expect(end).toMatch(/BLOCKED\s+SharePoint sites/);
    expect(end).toContain("EXIT=0");
  });

  it("leaves cleanly on Ctrl-C at a prompt, and --resume continues", async () => {
    t.sandbox.context.dir.reset();
    const stateFile = join(t.dir, "ctrl-c-state.json");
    const term = await open("ctrlc", [
      "setup",
      "--boxafe",
      "1.4",
      "--ews",
      "skip",
      "--sandbox",
      t.sandbox.url,
      "--state-file",
      stateFile,
    ]);
    await acceptChooseApp(term);
    await term.waitFor("Apply these 26 changes to the tenant?");
    term.keys("C-c");
    const end = await term.waitFor("EXIT=");
    expect(end).toContain(
      "Cancelled. Nothing more was changed; 'boxafe-connect setup --resume' continues from here.",
    );
    expect(end).toContain("EXIT=130");
    expect(t.sandbox.context.dir.data.applications.some((a) => a.displayName === "QNAP Boxafe")).toBe(false);
    expect(statSync(stateFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(stateFile, "utf8")).not.toMatch(/Q~|eyJ/);

    const again = await open("resume", ["setup", "--resume", "--state-file", stateFile]);
    await again.waitFor("Resuming the setup saved at");
    await again.waitFor("Apply these 26 changes to the tenant?");
    again.keys("Enter");
    await again.waitFor("Also write these values to a file", 60_000);
    again.keys("Enter");
    await again.waitFor("Have you copied the client secret?");
    again.keys("Enter");
    await again.waitFor("Add SharePoint access now?");
    again.keys("Enter");
    expect(await again.waitFor("EXIT=")).toContain("EXIT=0");
  });
});
