import { describe, expect, it } from "vitest";
import { availableEvents, userEvents } from "./available.js";
import type { WizardEventType } from "./events.js";
import { initialState, transition } from "./machine.js";
import {
  CLIENT,
  CONSENT_PLAN,
  drive,
  EMPTY_PLAN,
  SAMPLE_EVENTS as e,
  FRESH_PLAN,
  STATES,
  TENANT,
} from "./test-fixtures.js";

const without = <T extends object>(state: T, key: keyof T) => {
  const { [key]: _gone, ...rest } = state;
  return rest;
};

describe("happy path", () => {
  it("starts before sign-in with the options", () => {
    expect(initialState()).toEqual({
      version: 1,
      phase: "start",
      options: { sharepoint: false, defaultDisplayName: "QNAP Boxafe" },
      applied: [],
    });
  });

  it("walks sign-in -> check-role -> choose-app -> observe -> review -> apply -> verify -> hand-over -> sharepoint -> done", () => {
    let [s, fx] = transition(STATES.start, e["sign-in.start"]);
    expect([s.phase, fx]).toEqual(["signing-in", [{ type: "sign-in" }]]);
    [s, fx] = transition(s, e["sign-in.done"]);
    expect([s.phase, fx, s.account]).toEqual([
      "checking-role",
      [{ type: "check-role" }],
      { username: "admin@contoso.onmicrosoft.com", tenantId: TENANT },
    ]);
    [s, fx] = transition(s, e["role.done"]);
    expect([s.phase, fx, s.roles]).toEqual(["choose-app", [], ["Global Administrator"]]);
    [s, fx] = transition(s, { type: "app.choose-new", displayName: "  QNAP Boxafe " });
    expect(s.app).toEqual({
      mode: "new",
      displayName: "QNAP Boxafe",
      uniqueName: "boxafe-connect-qnap-boxafe",
    });
    expect(fx).toEqual([
      { type: "observe", appKey: { uniqueName: "boxafe-connect-qnap-boxafe" }, displayName: "QNAP Boxafe" },
    ]);
    [s, fx] = transition(s, e["observe.done"]);
    expect([s.phase, fx, s.plan]).toEqual(["review", [], FRESH_PLAN]);
    [s, fx] = transition(s, e["plan.confirm"]);
    expect([s.phase, fx]).toEqual(["applying", [{ type: "apply" }]]);
    [s, fx] = transition(s, { type: "apply.progress", step: "add-permissions" });
    [s, fx] = transition(s, { type: "apply.progress", step: "register-app" });
    expect(s.applied).toEqual(["register-app", "add-permissions"]);
    [s, fx] = transition(s, e["apply.done"]);
    expect([s.phase, fx, s.applied]).toEqual([
      "verifying",
      [{ type: "verify" }],
      ["register-app", "add-permissions", "create-secret", "grant-consent"],
    ]);
    expect(s.handOver).toEqual({
      clientId: CLIENT,
      tenantId: TENANT,
      secret: "new",
      secretExpiresOn: "2027-05-26T12:00:00.000Z",
      secretShown: false,
    });
    [s, fx] = transition(s, e["verify.progress"]);
    expect(s.verification).toMatchObject({ complete: false, granted: 10, total: 26 });
    [s, fx] = transition(s, e["verify.done"]);
    expect([s.phase, s.verification?.attempts, s.verification?.unverifiable]).toEqual(["hand-over", 1, 2]);
    expect(userEvents(s)).toEqual(["secret.shown"]);
    [s, fx] = transition(s, e["secret.shown"]);
    expect(userEvents(s)).toEqual(["sharepoint.start", "finish"]);
    [s, fx] = transition(s, e["sharepoint.start"]);
    expect([s.phase, fx]).toEqual(["preparing-sharepoint", [{ type: "sharepoint" }]]);
    [s, fx] = transition(s, e["sharepoint.ready"]);
    expect([s.phase, s.sharepoint]).toEqual([
      "sharepoint",
      { url: "https://contoso-admin.sharepoint.com/_layouts/15/appinv.aspx", confirmed: false },
    ]);
    [s, fx] = transition(s, e["sharepoint.confirm"]);
    expect([s.phase, s.sharepoint?.confirmed, availableEvents(s)]).toEqual(["done", true, []]);
  });

  it("finishes from hand-over without the SharePoint appendix", () => {
    expect(transition(STATES.handOver, e.finish)[0].phase).toBe("done");
    expect(transition(STATES.sharepoint, e.finish)[0].phase).toBe("done");
  });
});

describe("choose-app", () => {
  it("adopts an existing app by appId (normalized)", () => {
    const [s, fx] = transition(STATES.chooseApp, {
      type: "app.choose-existing",
      appId: ` ${CLIENT.toUpperCase()} `,
    });
    expect([s.phase, s.app]).toEqual(["observing", { mode: "adopt", appId: CLIENT }]);
    expect(fx).toEqual([{ type: "observe", appKey: { appId: CLIENT } }]);
  });

  it("keeps the user in choose-app with a field error on bad input, and clears it on the next event", () => {
    const [bad, fx] = transition(STATES.chooseApp, { type: "app.choose-existing", appId: "my app" });
    expect([bad.phase, fx, bad.inputError?.field]).toEqual(["choose-app", [], "appId"]);
    const [noName] = transition(STATES.chooseApp, { type: "app.choose-new", displayName: "   " });
    expect(noName.inputError?.field).toBe("displayName");
    expect(
      transition(STATES.chooseApp, { type: "app.choose-new", displayName: "x".repeat(121) })[0].inputError
        ?.field,
    ).toBe("displayName");
    const [good] = transition(bad, e["app.choose-new"]);
    expect(good.inputError).toBeUndefined();
    expect(good.phase).toBe("observing");
  });

  it("goes back from review to choose-app and forgets the plan", () => {
    const [s] = transition(STATES.review, e["app.change"]);
    expect([s.phase, s.plan, s.app?.mode]).toEqual(["choose-app", undefined, "new"]);
  });
});

describe("nothing to do", () => {
  it("skips review and apply and goes straight to verify with the existing app", () => {
    const [s, fx] = transition(STATES.observing, { type: "observe.done", plan: EMPTY_PLAN, appId: CLIENT });
    expect([s.phase, fx]).toEqual(["verifying", [{ type: "verify" }]]);
    expect(s.handOver).toEqual({
      clientId: CLIENT,
      tenantId: TENANT,
      secret: "existing",
      secretShown: false,
    });
    const [h] = transition(s, e["verify.done"]);
    expect(userEvents(h)).toEqual(["sharepoint.start", "finish"]);
  });
});

describe("verify incomplete", () => {
  it("offers retry and continue", () => {
    expect(STATES.verifyIncomplete.phase).toBe("verify-incomplete");
    expect(userEvents(STATES.verifyIncomplete)).toEqual(["verify.retry", "verify.continue", "cancel"]);
    const [again, fx] = transition(STATES.verifyIncomplete, e["verify.retry"]);
    expect([again.phase, fx]).toEqual(["verifying", [{ type: "verify" }]]);
    const [done] = transition(again, e["verify.done"]);
    expect(done.verification?.attempts).toBe(2);
    expect(transition(STATES.verifyIncomplete, e["verify.continue"])[0].phase).toBe("hand-over");
  });
});

describe("errors", () => {
  it("a failed role check is an insufficient_role error with retry, sign-in again and cancel", () => {
    const s = STATES.errorRole;
    expect(s.error).toEqual({
      code: "insufficient_role",
      message: "Sign in as a Global Administrator.",
      step: "check-role",
      retry: { type: "check-role" },
    });
    expect(userEvents(s)).toEqual(["retry", "cancel", "sign-in.again"]);
    expect(transition(s, e.retry)).toEqual([
      without({ ...s, phase: "checking-role" }, "error"),
      [{ type: "check-role" }],
    ]);
    const [again, fx] = transition(s, e["sign-in.again"]);
    expect([again.phase, again.error, fx]).toEqual(["signing-in", undefined, [{ type: "sign-in" }]]);
  });

  it("every effect failure lands in error with the step, the message and a retry of that effect", () => {
    const cases = [
      [STATES.signingIn, e["sign-in.failed"], "sign-in", "sign-in"],
      [STATES.observing, e["observe.failed"], "choose-app", "observe"],
      [STATES.applying, e["apply.failed"], "register-app", "apply"],
      [STATES.verifying, e["verify.failed"], "verify", "verify"],
      [STATES.preparingSharepoint, e["sharepoint.failed"], "sharepoint", "sharepoint"],
    ] as const;
    for (const [state, event, step, retry] of cases) {
      const [s, fx] = transition(state, event);
      expect([s.phase, s.error?.step, s.error?.retry.type, fx]).toEqual(["error", step, retry, []]);
      expect(availableEvents(s)).toContain("retry");
      expect(availableEvents(s)).toContain("cancel");
    }
    expect(transition(STATES.observing, e["observe.failed"])[0].error?.retry).toEqual({
      type: "observe",
      appKey: { uniqueName: "boxafe-connect-qnap-boxafe" },
      displayName: "QNAP Boxafe",
    });
  });

  it("an apply failure points at the wave that failed and retry re-applies", () => {
    const s = STATES.errorApply;
    expect([s.error?.step, s.applied]).toEqual(["add-permissions", ["register-app"]]);
    const [r, fx] = transition(s, e.retry);
    expect([r.phase, fx]).toEqual(["applying", [{ type: "apply" }]]);
  });

  it("a failed SharePoint preparation can be skipped with finish", () => {
    expect(transition(STATES.errorSharepoint, e.finish)[0].phase).toBe("done");
  });

  it("signing in to another tenant than the session's is refused", () => {
    const [s] = transition(drive(STATES.errorRole, [e["sign-in.again"]]), {
      ...e["sign-in.done"],
      tenantId: "other.onmicrosoft.com",
    } as (typeof e)["sign-in.done"]);
    expect([s.phase, s.error?.code, s.error?.field]).toEqual(["error", "invalid_input", "tenantId"]);
  });
});

describe("events that do not apply", () => {
  const allTypes = Object.keys(e) as WizardEventType[];
  for (const [name, state] of Object.entries(STATES)) {
    it(`${name}: each inapplicable event returns the same state plus a rejected marker and no effects`, () => {
      const accepted = availableEvents(state);
      const refused = allTypes.filter((type) => !accepted.includes(type));
      expect(refused.length + accepted.length).toBe(allTypes.length);
      for (const type of refused) {
        const [next, effects] = transition(state, e[type]);
        expect(effects).toEqual([]);
        expect(next.rejected?.event).toBe(type);
        expect(next.rejected?.reason).toContain(state.phase);
        expect(without(next, "rejected")).toEqual(without(state, "rejected"));
      }
      for (const type of accepted) {
        expect(transition(state, e[type])[0].rejected).toBeUndefined();
      }
    });
  }

  it("terminal states accept nothing; applying cannot be cancelled", () => {
    expect(availableEvents(STATES.done)).toEqual([]);
    expect(availableEvents(STATES.cancelled)).toEqual([]);
    expect(availableEvents(STATES.applying)).not.toContain("cancel");
  });

  it("a later accepted event clears the rejected marker", () => {
    const [rejected] = transition(STATES.review, e.finish);
    expect(rejected.rejected).toBeDefined();
    expect(transition(rejected, e["plan.confirm"])[0].rejected).toBeUndefined();
  });

  it("consent-only plans still confirm into apply", () => {
    const [s] = transition(STATES.observing, { type: "observe.done", plan: CONSENT_PLAN, appId: CLIENT });
    expect(s.phase).toBe("review");
  });
});
