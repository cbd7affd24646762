/** Fresh boxafe setup against the sandbox over HTTPS with msal-node and the Graph SDK. */
import { boxafeProfile, type Permission, resolveProfile, resources, verify } from "@boxafe-connect/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, holdings, runSetup, startHarness } from "./integration/harness.js";
import { createMsalAppTokenPort } from "./msal-token-port.js";
import { nodePorts } from "./node-ports.js";

const permissions: Permission[] = resolveProfile(boxafeProfile);
const appIdOf = (key: string) => resources.find((r) => r.key === key)?.appId ?? "";

describe("fresh boxafe setup", () => {
  let h: Harness;
  let token: string;

  beforeAll(async () => {
    // Exact request counts: Entra's timing (replication lag, shuffled batches) would add honest retries.
    h = await startHarness({ timing: false });
    token = await h.signIn(h.sandbox.admin.upn);
  });
  afterAll(async () => h?.stop());

  it("leaves exactly the 26 declared, 20 assignments, 3 grants, one secret, in <= 6 requests and 4 round trips", async () => {
    await h.resetStats();
    const run = await runSetup(h.deps(h.graph(token)));
    const stats = await h.stats();
    // Graph's side of the count: every HTTP request to /v1.0 ($batch counts once).
    expect(stats.roundTrips).toBeLessThanOrEqual(6);
    // ...which also sees the hand-over: one PATCH clearing the pending mark once the secret is out.
    expect(stats.roundTrips).toBe(run.counted.stats().requests + 1);
    expect(run.counted.stats().roundTrips).toBeLessThanOrEqual(4);
    // Exactly: observe 1 request; apply 1 + 1 + 2 requests in 3 round trips.
    expect(run.counted.stats()).toMatchObject({ requests: 5, roundTrips: 4 });
    expect(run.result).toMatchObject({ requests: 4, roundTrips: 3 });
    expect(run.result.secret?.secretText).toMatch(/.{16,}/);
    expect(run.observed.organization).toMatchObject({
      id: h.sandbox.tenantId,
      initialDomain: "contoso.onmicrosoft.com",
    });

    const state = await h.state();
    const held = holdings(state);
    expect(held).toMatchObject({ apps: 1, sps: 1, secrets: 1 });
    // The hand-over's PATCH did its job: the secret counts as held, no pending mark is left.
    expect(
      (state.applications[0]?.tags ?? []).filter((t) => t.startsWith("boxafe-connect:pending:")),
    ).toEqual([]);
    expect(held.declared).toHaveLength(26);
    expect(held.assignments).toHaveLength(20);
    expect(held.grants).toEqual(
      [
        `${appIdOf("azure-ad-graph")} AllPrincipals User.Read`,
        `${appIdOf("exchange-online")} AllPrincipals EWS.AccessAsUser.All`,
        `${appIdOf("microsoft-graph")} AllPrincipals Group.ReadWrite.All User.Read User.ReadWrite.All openid`,
      ].sort(),
    );
    expect(JSON.stringify(state)).not.toContain(run.result.secret?.secretText ?? "-");

    // Verification with fresh client-credentials tokens (msal-node, no cache).
    const report = await verify(
      {
        ...nodePorts(),
        appToken: createMsalAppTokenPort({ authorityHost: h.sandbox.url }),
        graph: h.graph(token),
      },
      {
        tenantId: h.sandbox.tenantId,
        clientId: run.result.application.appId,
        credential: { kind: "secret", secret: run.result.secret?.secretText ?? "" },
        permissions,
        sharePointTenant: "contoso",
        cloud: h.cloud,
        deadlineMs: 20_000,
      },
    );
    expect(report.items.filter((i) => i.status !== "granted" && i.status !== "unverifiable")).toEqual([]);
    expect(report.complete).toBe(true);
    expect(report.tokens.map((t) => t.ok)).toEqual([true, true, true]);
  });

  it("re-runs as an empty plan: no write, at most 2 requests", async () => {
    await h.resetStats();
    const run = await runSetup(h.deps(h.graph(token)));
    const stats = await h.stats();
    expect(run.plan.actions).toEqual([]);
    expect(stats.writes).toBe(0);
    expect(stats.roundTrips).toBeLessThanOrEqual(2);
    expect(run.counted.stats()).toMatchObject({ requests: 2, roundTrips: 2, writes: 0 });
    expect(run.result.secret).toBeUndefined();
  });

  it("explains a tenant policy that limits secret lifetime, and a shorter lifetime then succeeds", async () => {
    await h.reset();
    await h.hook("policy", { passwordMaxLifetime: "P90D" });
    const deps = h.deps(h.graph(token));
    const error = (await runSetup(deps).then(
      () => undefined,
      (e: unknown) => e,
    )) as Error & { code: string };
    expect(error).toMatchObject({ code: "secret_lifetime_too_long" });
    expect(error.message).toContain("--secret-days");
    expect(error.message).toMatch(/policy '[0-9a-f-]{36}'/);
    const retry = await runSetup(deps, {
      secret: { displayName: "secret", lifetimeDays: 90, renewWithinDays: 30 },
    });
    expect(retry.result.secret?.secretText).toBeTruthy();
    expect(holdings(await h.state())).toMatchObject({ apps: 1, sps: 1, secrets: 1 });
    await h.hook("policy", { passwordMaxLifetime: null });
  });
});
