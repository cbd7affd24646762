/**
 * `verify` during a total outage of the token service (every token request answers 503
 * temporarily_unavailable, the sandbox's `outage` fault): the wait is bounded by
 * BOXAFE_RETRY_BUDGET_SECONDS, not the 5-minute poll for roles, and ends with exit 1 and an error
 * naming the outage, never a report of roles "pending". The secret never appears in the output.
 */
import { parseFaults } from "@boxafe-connect/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestEnv } from "./harness.js";
import { setupApp, startTestEnv } from "./harness.js";

describe("verify during a token service outage", () => {
  let t: TestEnv;
  beforeAll(async () => {
    t = await startTestEnv();
  });
  afterAll(async () => {
    t?.sandbox.context.faults.set(parseFaults(""));
    await t?.close();
  });

  it("stops within the retry budget with an error naming the outage (exit 1)", async () => {
    const { doc } = await setupApp(t, ["--boxafe", "1.4"]);
    const secret = String(doc.clientSecret);
    t.sandbox.context.faults.set(parseFaults("outage=100000"));
    try {
      const run = await t.run(["verify", "--app-id", String(doc.clientId), "--sandbox", t.sandbox.url], {
        env: { BOXAFE_CLIENT_SECRET: secret, BOXAFE_RETRY_BUDGET_SECONDS: "3" },
      });
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toMatch(
        /Error: Verification could not run: every token request failed for \d+ s \(The Entra ID sign-in service is throttling or unavailable \(AADSTS90055\)\..*\) and the retry budget is spent; nothing was proven\./,
      );
      expect(`${run.stdout}${run.stderr}`).not.toMatch(/Verification (complete|incomplete)/);
      expect(`${run.stdout}${run.stderr}`).not.toContain(secret);
      // The fault fired: the token endpoint was asked, and more than once (it was retried).
      expect(t.sandbox.context.faults.spec.outage).toBeLessThan(100000 - 1);
    } finally {
      t.sandbox.context.faults.set(parseFaults(""));
    }
  }, 120_000);
});
