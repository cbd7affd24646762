/**
 * For every action of the fresh plan: the response to that action is lost or answered 504 (after
 * the write was committed; for the sub-request alone or the whole $batch), then the run is repeated. The tenant must end up equal to a clean run's: one app,
 * one service principal, one secret (the one handed back), the same consents.
 */
import type { Action, GraphRequest } from "@boxafe-connect/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, holdings, runSetup, startHarness } from "./integration/harness.js";
import { type LoseMode, losingPort } from "./integration/losing-port.js";

function requestFor(action: Action): (r: GraphRequest) => boolean {
  const body = (r: GraphRequest) => (r.body ?? {}) as Record<string, unknown>;
  switch (action.type) {
    case "upsert-application":
      return (r) => r.method === "PATCH" && r.url.startsWith("/applications(");
    case "upsert-service-principal":
      return (r) => r.method === "PATCH" && r.url.startsWith("/servicePrincipals(");
    case "add-password":
      return (r) => r.url.endsWith("/addPassword");
    case "assign-app-role":
      return (r) => r.url.endsWith("/appRoleAssignments") && body(r).appRoleId === action.appRoleId;
    case "create-grant":
      return (r) => r.url === "/oauth2PermissionGrants" && body(r).scope === action.scope;
    default:
      return () => false;
  }
}

describe("fault matrix: each action's response lost or 504 after commit, then a re-run", () => {
  let h: Harness;
  let token: string;
  let clean: ReturnType<typeof holdings>;
  let actions: readonly Action[];

  beforeAll(async () => {
    h = await startHarness();
    token = await h.signIn(h.sandbox.admin.upn);
    await h.reset();
    const run = await runSetup(h.deps(h.graph(token)));
    actions = run.plan.actions;
    clean = holdings(await h.state());
  });
  afterAll(async () => h?.stop());

  it("covers every action of the fresh plan", () => {
    expect(actions.length).toBeGreaterThanOrEqual(26);
    expect(clean).toMatchObject({ apps: 1, sps: 1, secrets: 1 });
  });

  // Each mode runs two setups per action (52 against the sandbox's Entra timing): 12-24 s on a quiet CI
  // machine, 52 s of the 60 s default under load. The bound only says "no hang", so it is generous.
  for (const mode of ["batch", "item", "gateway-batch", "gateway-item"] as LoseMode[]) {
    it(`converges with 0 orphan secrets when one action's answer is spoiled (${mode})`, async () => {
      const outcomes: string[] = [];
      for (const [i, action] of actions.entries()) {
        await h.reset();
        const { port, lost } = losingPort(h.graph(token), requestFor(action), mode);
        const first = await runSetup(h.deps(port)).then(
          (run) => run,
          (error: unknown) => error as Error,
        );
        expect(lost, `action ${i} ${action.type} was never sent`).toHaveLength(1);
        const second = await runSetup(h.deps(h.graph(token)));
        const state = await h.state();
        const held = holdings(state);
        expect(held, `after losing action ${i} (${action.type})`).toEqual(clean);
        // The secret handed back is the one the tenant holds: no orphan.
        const secretKey = first instanceof Error ? second.result.secret?.keyId : first.result.secret?.keyId;
        expect(state.applications[0]?.passwordCredentials.map((p) => p.keyId)).toEqual([secretKey]);
        expect(second.plan.actions.filter((a) => a.type !== "add-password")).toEqual([]);
        outcomes.push(
          first instanceof Error
            ? `${action.type}: failed, re-run fixed`
            : `${action.type}: recovered in-run`,
        );
      }
      expect(outcomes.filter((o) => o.includes("recovered in-run")).length).toBe(actions.length);
    }, 300_000);
  }
});
