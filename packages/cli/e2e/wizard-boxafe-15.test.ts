/**
 * The guided setup in a real terminal (tmux) as a Boxafe 1.5 admin would run it: the version asked
 * (1.5 by default), a certificate instead of a secret, the EWS step done with a second sign-in to
 * Exchange Online, and an honest end where every workload is proven by its real call.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestEnv } from "./harness.js";
import { startTestEnv } from "./harness.js";
import type { Terminal } from "./tmux.js";
import { skipTerminalTests, startInTerminal, stopTerminals } from "./tmux.js";

describe.skipIf(skipTerminalTests)("setup wizard for Boxafe 1.5 in a terminal", () => {
  let t: TestEnv;
  const terminals: Terminal[] = [];

  beforeAll(async () => {
    // Exchange applies the allow list at once here, so the end can prove EWS working.
    t = await startTestEnv({ ewsPropagationMs: 0 });
  });
  afterAll(async () => {
    for (const term of terminals) term.kill();
    stopTerminals();
    await t?.close();
  });

  it("walks from sign-in to an honest end: certificate, EWS allowed, each workload proven", async () => {
    const term = await startInTerminal(`bc-boxafe15-${process.pid}`, t.dir, t.env, [
      "setup",
      "--sandbox",
      t.sandbox.url,
    ]);
    terminals.push(term);
    await term.waitFor("Which Boxafe will take these values?");
    term.keys("Enter");
    await term.waitFor("takes the tenant ID, the client ID and a certificate");
    await term.waitFor("Which app should Boxafe use?");
    term.keys("Enter");
    await term.waitFor("App name (shown in Entra ID and in Boxafe)");
    expect(term.screen()).not.toContain("Client secret description");
    term.keys("Enter");
    await term.waitFor("Apply these");
    term.keys("Enter");
    const handOver = await term.waitFor("Certificate for Boxafe 1.5 or later", 90_000);
    expect(handOver).toMatch(/PFX password \(shown only now\): \S+/);
    // No secret exists on a 1.5 app: the hand-over must not speak of "the app's existing secret".
    expect(handOver).toContain("No client secret: Boxafe takes the certificate below instead.");
    expect(handOver).not.toContain("No new secret was made");
    await term.waitFor("Add SharePoint access now?");
    // SharePoint: the 1.5 certificate is reused (no second one).
    term.keys("Down", "Enter");
    await term.waitFor("Done with SharePoint?", 60_000);
    term.keys("Enter");
    await term.waitFor("Put Boxafe on the EWS allow list?");
    term.keys("Enter");
    const end = await term.waitFor("EXIT=", 90_000);
    expect(end).toContain("Signed in to Exchange Online as admin@contoso.onmicrosoft.com");
    expect(end).toMatch(/works\s+Microsoft Graph/);
    expect(end).toMatch(/works\s+Exchange mail, calendars and contacts \(EWS\)/);
    expect(end).toMatch(/works\s+SharePoint sites/);
    expect(end).toContain("Boxafe can now back up this tenant");
    expect(end).toContain("EXIT=0");
    const app = t.sandbox.context.dir.data.applications.find((a) => a.displayName === "QNAP Boxafe");
    expect(app?.passwordCredentials).toHaveLength(0);
    expect(app?.keyCredentials).toHaveLength(1);
    expect(t.sandbox.context.exchange.written().EwsAllowedAppIDs).toEqual([app?.appId]);
  });
});
