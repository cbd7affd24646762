import type { WizardState } from "@boxafe-connect/core";
import { initialState, summarizePlan, transition } from "@boxafe-connect/core";
import { describe, expect, it } from "vitest";
import { applyProgress, handOverValues, railItems } from "./view-model.js";

function reviewed(): WizardState {
  let [s] = transition(initialState(), { type: "sign-in.start" });
  [s] = transition(s, { type: "sign-in.done", username: "admin@contoso", tenantId: "t-1" });
  [s] = transition(s, { type: "role.done", roles: ["Global Administrator"] });
  [s] = transition(s, { type: "app.choose-new", displayName: "QNAP Boxafe" });
  const summary = summarizePlan({ actions: [{ type: "upsert-service-principal" }], findings: [] });
  [s] = transition(s, {
    type: "observe.done",
    plan: { ...summary, counts: { ...summary.counts }, actions: [...summary.actions], findings: [] },
  });
  return s;
}

describe("view model", () => {
  it("marks apply steps done as core reports the waves, and the next one running", () => {
    let [s] = transition(reviewed(), { type: "plan.confirm" });
    expect(applyProgress(s).map((p) => p.state)).toEqual(["running", "waiting", "waiting", "waiting"]);
    [s] = transition(s, { type: "apply.progress", step: "register-app" });
    [s] = transition(s, { type: "apply.progress", step: "add-permissions" });
    expect(applyProgress(s).map((p) => p.state)).toEqual(["done", "done", "running", "waiting"]);
    [s] = transition(s, { type: "apply.failed", error: { code: "throttled", message: "busy" } });
    expect(applyProgress(s).map((p) => p.state)).toEqual(["done", "done", "failed", "waiting"]);
    expect(railItems(s).find((r) => r.id === "create-secret")?.status).toBe("failed");
  });

  it("shows no apply progress before the plan is confirmed", () => {
    expect(applyProgress(reviewed())).toEqual([]);
    expect(railItems(reviewed()).find((r) => r.status === "current")?.id).toBe("choose-app");
  });

  it("hands over the secret only when this tab made it", () => {
    let [s] = transition(reviewed(), { type: "plan.confirm" });
    [s] = transition(s, {
      type: "apply.done",
      clientId: "app-1",
      secret: "new",
      secretExpiresOn: "2027-01-01",
    });
    const secret = { text: "s3cr3t", expiresOn: "2027-01-01" };
    expect(handOverValues(s, { secret })).toEqual({ clientId: "app-1", tenantId: "t-1", secret });
    expect(handOverValues(s, {})).toEqual({ clientId: "app-1", tenantId: "t-1" });
    expect(handOverValues(reviewed(), { secret })).toBeUndefined();
  });
});
