/**
 * A total outage of the token service (no answer, or 5xx for every request) is bounded by the run's
 * retry budget (BOXAFE_RETRY_BUDGET_SECONDS), not the 5-minute poll for roles, and ends with an error
 * naming it; a credential still replicating (AADSTS700016, 7000215) keeps its own grace.
 */
import { describe, expect, it } from "vitest";
import { sandboxEndpoints } from "../clouds.js";
import { isCoreError } from "../errors.js";
import { boxafeProfile } from "../profiles/boxafe.js";
import { resolveProfile } from "../profiles/resolve-profile.js";
import { fakeTime } from "../testing/index.js";
import type { AppTokenPort } from "./port.js";
import { type TokenFailure, tokenError } from "./token-response.js";
import { verify } from "./verify.js";

const input = {
  tenantId: "t",
  clientId: "c",
  credential: { kind: "secret" as const, secret: "x" },
  permissions: resolveProfile(boxafeProfile),
  sharePointTenant: "contoso",
  cloud: sandboxEndpoints("https://localhost:8443"),
  deadlineMs: 300_000,
};

function failing(failure: TokenFailure): AppTokenPort & { calls: () => number } {
  let calls = 0;
  return {
    calls: () => calls,
    acquire: async () => {
      calls++;
      throw tokenError(failure, "app c");
    },
  };
}

async function thrown(run: Promise<unknown>): Promise<unknown> {
  try {
    await run;
  } catch (error) {
    return error;
  }
  throw new Error("verify did not throw");
}

describe("verify during an outage of the token service", () => {
  for (const [what, failure, code] of [
    ["unreachable", { network: true }, "unreachable"],
    ["503 for every call", { status: 503 }, "throttled"],
    ["500 for every call", { status: 500 }, "graph_request_failed"],
  ] as const) {
    it(`${what}: stops within the 20 s retry budget (not the 300 s deadline) with an error naming it`, async () => {
      const time = fakeTime();
      const start = time.clock.now();
      const appToken = failing(failure);
      const error = await thrown(verify({ ...time, appToken, retry: { budgetMs: 20_000 } }, input));
      expect(isCoreError(error) && error.code).toBe(code);
      expect(String((error as Error).message)).toMatch(
        /^Verification could not run: every token request failed for \d+ s \(.+\) and the retry budget is spent/,
      );
      expect(time.clock.now() - start).toBeLessThanOrEqual(20_000);
      expect(appToken.calls()).toBeGreaterThan(3);
      expect(String((error as Error).message)).not.toContain('"x"');
    });
  }

  it("without a budget given, the default (120 s) bounds it, still short of the deadline", async () => {
    const time = fakeTime();
    const start = time.clock.now();
    const error = await thrown(verify({ ...time, appToken: failing({ network: true }) }, input));
    expect(isCoreError(error) && error.code).toBe("unreachable");
    expect(time.clock.now() - start).toBeLessThanOrEqual(120_000);
  });

  it("a credential still replicating (AADSTS7000215) keeps its grace past a shorter retry budget", async () => {
    const time = fakeTime();
    const start = time.clock.now();
    const appToken = failing({ status: 401, error: "invalid_client", aadsts: 7000215 });
    const report = await verify(
      { ...time, appToken, retry: { budgetMs: 5_000 } },
      { ...input, credentialGraceMs: 60_000 },
    );
    expect(report.complete).toBe(false);
    expect(report.tokens[0]).toMatchObject({ ok: false, error: { code: "invalid_client_credentials" } });
    // Polled past the 5 s budget, within the 60 s grace.
    expect(time.clock.now() - start).toBeGreaterThan(5_000);
    expect(time.clock.now() - start).toBeLessThanOrEqual(60_000);
  });

  it("an unknown app (AADSTS700016) also keeps its grace past the budget", async () => {
    const time = fakeTime();
    const start = time.clock.now();
    const appToken = failing({ status: 400, error: "unauthorized_client", aadsts: 700016 });
    const report = await verify(
      { ...time, appToken, retry: { budgetMs: 5_000 } },
      { ...input, credentialGraceMs: 60_000 },
    );
    expect(report.complete).toBe(false);
    expect(time.clock.now() - start).toBeGreaterThan(5_000);
  });
});

describe("verify during an outage, its deadline shorter than the retry budget", () => {
  it("ends at the deadline with a report (tokens not checked), not an error", async () => {
    const time = fakeTime();
    const report = await verify(
      { ...time, appToken: failing({ network: true }), retry: { budgetMs: 120_000 } },
      { ...input, deadlineMs: 10_000 },
    );
    expect(report.complete).toBe(false);
    expect(report.tokens.every((t) => !t.ok && t.error?.code === "unreachable")).toBe(true);
  });
});
