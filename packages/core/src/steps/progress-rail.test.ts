import { describe, expect, it } from "vitest";
import { initialState, transition } from "./machine.js";
import { progressRail, type StepStatus } from "./progress-rail.js";
import type { WizardState } from "./schema.js";
import { stepTitle } from "./step-titles.js";
import { steps } from "./steps.js";
import { CLIENT, CONSENT_PLAN, EMPTY_PLAN, SAMPLE_EVENTS as e, STATES } from "./test-fixtures.js";

const statuses = (state: WizardState): Record<string, StepStatus> =>
  Object.fromEntries(progressRail(state).map((entry) => [entry.id, entry.status]));

describe("steps metadata", () => {
  it("lists the ten steps in order with the guide's numbers", () => {
    expect(steps.map((s) => s.id)).toEqual([
      "sign-in",
      "check-role",
      "choose-app",
      "register-app",
      "add-permissions",
      "create-secret",
      "grant-consent",
      "verify",
      "hand-over",
      "sharepoint",
    ]);
    const guide = Object.fromEntries(steps.map((s) => [s.id, s.guideSteps]));
    expect(guide).toMatchObject({
      "sign-in": [1, 2],
      "check-role": [2],
      "register-app": [3, 4, 5, 6],
      "create-secret": [7, 8, 9, 10],
      "add-permissions": [11, 12, 13, 14],
      "grant-consent": [15],
      verify: [],
      "hand-over": [16],
    });
    expect(steps.filter((s) => s.optional).map((s) => s.id)).toEqual(["sharepoint"]);
  });
});

describe("progressRail", () => {
  it("marks the first step current before anything happens", () => {
    expect(statuses(STATES.start)).toEqual({
      "sign-in": "current",
      "check-role": "pending",
      "choose-app": "pending",
      "register-app": "pending",
      "add-permissions": "pending",
      "create-secret": "pending",
      "grant-consent": "pending",
      verify: "pending",
      "hand-over": "pending",
      sharepoint: "pending",
    });
  });

  it("follows apply progress wave by wave", () => {
    const [wave1] = transition(STATES.applying, e["apply.progress"]);
    const [wave1b] = transition(wave1, { type: "apply.progress", step: "add-permissions" });
    expect(statuses(wave1b)).toMatchObject({
      "choose-app": "done",
      "register-app": "done",
      "add-permissions": "done",
      "create-secret": "current",
      "grant-consent": "pending",
    });
  });

  it("marks the failing step failed with its message", () => {
    const rail = progressRail(STATES.errorApply);
    expect(rail.find((r) => r.id === "add-permissions")).toMatchObject({
      status: "failed",
      detail: "Graph failed; retry.",
    });
    expect(rail.find((r) => r.id === "register-app")?.status).toBe("done");
    expect(statuses(STATES.errorRole)["check-role"]).toBe("failed");
  });

  it("skips the apply steps when there is nothing to do, and only those with no work otherwise", () => {
    const [nothing] = transition(STATES.observing, { type: "observe.done", plan: EMPTY_PLAN, appId: CLIENT });
    expect(statuses(nothing)).toMatchObject({
      "register-app": "skipped",
      "add-permissions": "skipped",
      "create-secret": "skipped",
      "grant-consent": "skipped",
      verify: "current",
    });
    const [consentOnly] = transition(STATES.observing, {
      type: "observe.done",
      plan: CONSENT_PLAN,
      appId: CLIENT,
    });
    const [applied] = transition(transition(consentOnly, e["plan.confirm"])[0], e["apply.done"]);
    expect(statuses(applied)).toMatchObject({
      "register-app": "skipped",
      "create-secret": "skipped",
      "grant-consent": "done",
      verify: "current",
    });
  });

  it("ends with everything done and SharePoint skipped unless it was confirmed", () => {
    const [finished] = transition(STATES.handOver, e.finish);
    const s = statuses(finished);
    expect(Object.values(s).filter((v) => v === "done")).toHaveLength(9);
    expect(s.sharepoint).toBe("skipped");
    expect(statuses(STATES.done).sharepoint).toBe("done");
  });

  it("shows a token proof that did not run as skipped with why, never as a done tick", () => {
    const notRun = (reason: "certificate-held-elsewhere" | "no-token-service"): WizardState => ({
      ...STATES.handOver,
      verification: {
        complete: false,
        granted: 0,
        pending: 0,
        missing: 0,
        unverifiable: 0,
        total: 0,
        attempts: 1,
        notRun: reason,
      },
    });
    for (const reason of ["certificate-held-elsewhere", "no-token-service"] as const) {
      const verify = progressRail(notRun(reason)).find((entry) => entry.id === "verify");
      expect(verify?.status).toBe("skipped");
      expect(verify?.detail).toMatch(/^not run: /);
    }
    expect(statuses(STATES.handOver).verify).toBe("done");
  });
});

describe("progress rail titles follow the Boxafe version", () => {
  const state = initialState({ sharepoint: true, defaultDisplayName: "QNAP Boxafe" });
  const title = (rail: ReturnType<typeof progressRail>, id: string) => rail.find((e) => e.id === id)?.title;

  it("names the certificate on a 1.5 setup and the secret on 1.4 or when no version was named", () => {
    expect(title(progressRail(state, "1.5"), "create-secret")).toBe("Create the certificate");
    expect(title(progressRail(state, "1.5"), "hand-over")).toBe("Hand the IDs and certificate to Boxafe");
    expect(title(progressRail(state, "1.4"), "create-secret")).toBe("Create the client secret");
    expect(title(progressRail(state), "hand-over")).toBe("Hand the IDs and secret to Boxafe");
    expect(stepTitle("grant-consent", "1.5")).toBe("Grant admin consent");
  });
});
