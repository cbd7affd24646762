/**
 * The EWS allow list through the built CLI against a sandbox: blocked, then `ews allow` (a second
 * sign-in for Exchange Online), pending while Exchange has not applied it, working once it has; and
 * the refusal to take EWS away from every other app without --confirm-ews-change.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestEnv } from "./harness.js";
import { parseJson, setupApp, startTestEnv } from "./harness.js";

describe("boxafe-connect ews", () => {
  let t: TestEnv;
  let clientId = "";
  let secret = "";
  const target = () => ["--sandbox", t.sandbox.url];
  const withSecret = () => ({ env: { BOXAFE_CLIENT_SECRET: secret } });

  beforeAll(async () => {
    t = await startTestEnv();
    const app = await setupApp(t, ["--boxafe", "1.4"]);
    clientId = app.clientId;
    secret = String(app.doc.clientSecret);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("goes from blocked to pending to working, proven by a real EWS call each time", async () => {
    const blocked = await t.run(["ews", "status", "--json", ...target()], withSecret());
    expect(blocked.code, blocked.stderr).toBe(4);
    expect(parseJson(blocked)).toMatchObject({
      command: "ews status",
      ews: "blocked",
      policyState: "blocked",
      policy: { ewsEnabled: false, allowedAppIds: null },
    });
    expect(String(parseJson(blocked).powershell)).toContain(`+ "${clientId}"`);

    t.sandbox.context.exchange.propagationMs = 3_600_000;
    const allowed = await t.run(["ews", "allow", "--json", ...target()], withSecret());
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(parseJson(allowed)).toMatchObject({
      outcome: "written",
      narrowsOthers: false,
      after: { ewsEnabled: true, allowedAppIds: [clientId] },
      ews: "pending",
    });
    expect(t.sandbox.context.exchange.written()).toMatchObject({
      EwsEnabled: true,
      EwsAllowedAppIDs: [clientId],
    });
    // The sandbox's InvokeCommand takes only the Exchange Online PowerShell client's delegated tokens:
    // the write proves the second sign-in used it.

    // check --with-ews reports it too: written, not yet applied by Exchange.
    const checking = await t.run(["check", "--with-ews", "--json", ...target()], withSecret());
    expect(parseJson(checking)).toMatchObject({ ews: { policyState: "allowed", ews: "pending" } });

    t.sandbox.context.exchange.propagationMs = 0;
    const checked = await t.run(["check", "--with-ews", "--json", ...target()], withSecret());
    expect(parseJson(checked)).toMatchObject({ ews: { ews: "works" } });
    const works = await t.run(["ews", "status", "--json", ...target()], withSecret());
    expect(works.code, works.stderr).toBe(0);
    expect(parseJson(works)).toMatchObject({ ok: true, ews: "works", policyState: "allowed" });
    for (const run of [blocked, allowed, works]) {
      expect(run.stdout + run.stderr).not.toContain(secret);
    }
  });

  it("refuses to shrink other apps' EWS access without --confirm-ews-change, and writes nothing", async () => {
    t.sandbox.context.exchange.seed({
      EwsEnabled: true,
      EwsApplicationAccessPolicy: null,
      EwsAllowList: null,
      EwsBlockList: null,
      EwsAllowedAppIDs: null,
    });
    const refused = await t.run(["ews", "allow", "--json", ...target()]);
    expect(refused.code).toBe(2);
    expect(parseJson(refused)).toMatchObject({
      ok: false,
      outcome: "needs-confirmation",
      narrowsOthers: true,
    });
    expect(refused.stderr).toContain("--confirm-ews-change");
    expect(t.sandbox.context.exchange.written().EwsAllowedAppIDs).toBeNull();

    const confirmed = await t.run(["ews", "allow", "--confirm-ews-change", "--json", ...target()]);
    expect(confirmed.code, confirmed.stderr).toBe(0);
    expect(parseJson(confirmed)).toMatchObject({ outcome: "written", after: { allowedAppIds: [clientId] } });
  });
});
