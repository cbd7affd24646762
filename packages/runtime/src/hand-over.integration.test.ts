/**
 * "Never lose a credential" across an interruption: a run killed right after addPassword answered
 * (the secret exists, nobody saw it) leaves a credential of ours marked pending. The next check
 * reports drift, and the next setup adds a fresh secret, hands it over, and only then removes the
 * unheld one: the tenant ends with exactly the secret the admin holds, and no pending mark.
 */
import { apply, checkDrift, type GraphPort, observe, PENDING_TAG_PREFIX, plan } from "@boxafe-connect/core";
import { describe, expect, it } from "vitest";
import { useAdminHarness } from "./integration/admin-suite.js";
import { boxafeDesired, runSetup } from "./integration/harness.js";

interface TaggedState {
  applications: { tags?: string[]; passwordCredentials: { keyId: string; displayName: string | null }[] }[];
}

/** Forwards until a batch containing addPassword has been answered, then never answers again (a kill). */
function killedAfterAddPassword(inner: GraphPort): { port: GraphPort; killed: Promise<void> } {
  let dead = false;
  let signal: () => void = () => undefined;
  const killed = new Promise<void>((resolve) => {
    signal = resolve;
  });
  return {
    killed,
    port: {
      async batch(requests) {
        if (dead) return new Promise(() => undefined);
        const responses = await inner.batch(requests);
        if (requests.some((r) => r.url.endsWith("/addPassword"))) {
          dead = true;
          signal();
          return new Promise(() => undefined);
        }
        return responses;
      },
    },
  };
}

describe("a run killed right after addPassword", () => {
  const t = useAdminHarness();

  it("leaves drift that the next setup repairs: the admin ends up holding the only secret", async () => {
    const deps = await t.fresh();
    const desired = boxafeDesired(deps.clock.now());
    const observed = await observe(deps, desired.appKey);
    const { port, killed } = killedAfterAddPassword(t.h.graph(t.token));
    // The run never returns: the process is gone before anything reached the admin.
    void apply({ ...deps, graph: port }, plan(desired, observed, deps.clock.now()), observed);
    await killed;

    const orphaned = (await t.h.hook("state")) as TaggedState;
    expect(orphaned.applications[0]?.passwordCredentials).toHaveLength(1);
    expect(orphaned.applications[0]?.tags?.some((tag) => tag.startsWith(PENDING_TAG_PREFIX))).toBe(true);

    // check (no secret wanted) reports drift and names the unheld secret, once its read sees the app
    // (under replication lag a read may still miss an app made moments ago; then check says it is missing).
    await t.h.replicated();
    const drift = await checkDrift(deps, boxafeDesired(deps.clock.now(), { secret: undefined }));
    expect(drift.drift).toBe(true);
    expect(drift.plan.findings.map((f) => f.kind)).toContain("credential-unheld");

    // The re-run is not "nothing to do": it adds a secret and hands it over. It comes after Entra
    // has replicated the killed run's app (a restart takes longer than that): a read that still
    // missed the app would upsert it as new and replace its tags, the pending mark with them.
    await t.h.replicated();
    const rerun = await runSetup(deps);
    expect(rerun.plan.actions.map((a) => a.type)).toContain("add-password");
    const handed = rerun.result.secret?.keyId;
    expect(handed).toBeDefined();
    const final = (await t.h.hook("state")) as TaggedState;
    expect(final.applications[0]?.passwordCredentials.map((p) => p.keyId)).toEqual([handed]);
    expect(final.applications[0]?.tags ?? []).toEqual([]);

    // And now the tenant is settled: no drift, a re-run writes nothing.
    expect((await checkDrift(deps, boxafeDesired(deps.clock.now()))).drift).toBe(false);
    await t.h.resetStats();
    const again = await runSetup(deps);
    expect(again.plan.actions).toEqual([]);
    expect((await t.h.stats()).writes).toBe(0);
  });

  it("keeps a held secret and removes only the unheld orphan beside it", async () => {
    const deps = await t.fresh();
    const first = await runSetup(deps);
    const held = first.result.secret?.keyId;
    // Force a renewal run (renew window longer than the lifetime) and kill it after addPassword.
    const renew = boxafeDesired(deps.clock.now(), {
      secret: { displayName: "secret", lifetimeDays: 400, renewWithinDays: 365 },
    });
    const observed = await observe(deps, renew.appKey);
    const { port, killed } = killedAfterAddPassword(t.h.graph(t.token));
    void apply({ ...deps, graph: port }, plan(renew, observed, deps.clock.now()), observed);
    await killed;
    expect(((await t.h.hook("state")) as TaggedState).applications[0]?.passwordCredentials).toHaveLength(2);

    const rerun = await runSetup(deps);
    expect(rerun.plan.actions).toEqual([
      expect.objectContaining({ type: "remove-password", reason: "never handed over" }),
    ]);
    const final = (await t.h.hook("state")) as TaggedState;
    expect(final.applications[0]?.passwordCredentials.map((p) => p.keyId)).toEqual([held]);
  });
});
