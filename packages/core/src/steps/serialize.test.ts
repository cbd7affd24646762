import { describe, expect, it } from "vitest";
import { userEvents } from "./available.js";
import { transition } from "./machine.js";
import { resumeState } from "./resume.js";
import { parseState, serializeState } from "./serialize.js";
import { SAMPLE_EVENTS as e, STATES, TENANT } from "./test-fixtures.js";

describe("serializeState / parseState", () => {
  it("round-trips every fixture state (and a rejected one) through JSON unchanged", () => {
    const withRejected = transition(STATES.review, e.finish)[0];
    for (const state of [...Object.values(STATES), withRejected]) {
      const parsed = parseState(serializeState(state));
      expect(parsed).toEqual({ ok: true, state });
    }
  });

  it("refuses broken JSON, unknown keys (e.g. a smuggled secret) and bad values, naming the field", () => {
    expect(parseState("{not json")).toMatchObject({ ok: false, issues: [{ field: "state" }] });
    const smuggled = { ...STATES.handOver, handOver: { ...STATES.handOver.handOver, secretText: "abc" } };
    const result = parseState(JSON.stringify(smuggled));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues[0]?.field).toBe("handOver");
    const badPhase = parseState({ ...STATES.start, phase: "flying" });
    expect(!badPhase.ok && badPhase.issues[0]?.field).toBe("phase");
    expect(parseState({ ...STATES.start, version: 2 }).ok).toBe(false);
  });
});

describe("resume", () => {
  it("always signs in again, then continues where the saved state left off", () => {
    const cases = [
      [STATES.chooseApp, "choose-app", []],
      [
        STATES.review,
        "observing",
        [
          {
            type: "observe",
            appKey: { uniqueName: "boxafe-connect-qnap-boxafe" },
            displayName: "QNAP Boxafe",
          },
        ],
      ],
      [
        STATES.applying,
        "observing",
        [
          {
            type: "observe",
            appKey: { uniqueName: "boxafe-connect-qnap-boxafe" },
            displayName: "QNAP Boxafe",
          },
        ],
      ],
      [STATES.verifyIncomplete, "verifying", [{ type: "verify" }]],
      [STATES.handOver, "hand-over", []],
      [STATES.sharepoint, "preparing-sharepoint", [{ type: "sharepoint" }]],
      [STATES.errorSharepoint, "preparing-sharepoint", [{ type: "sharepoint" }]],
    ] as const;
    for (const [saved, phase, effects] of cases) {
      const loaded = parseState(serializeState(saved));
      if (!loaded.ok) throw new Error("fixture");
      const [s, fx] = resumeState(loaded.state);
      expect([s.phase, fx]).toEqual(["signing-in", [{ type: "sign-in" }]]);
      const [afterSignIn] = transition(s, e["sign-in.done"]);
      const [afterRole, fx2] = transition(afterSignIn, e["role.done"]);
      expect([afterRole.phase, fx2, afterRole.resumeTo]).toEqual([phase, effects, undefined]);
    }
  });

  it("marks a new secret that was never shown as lost", () => {
    const [s] = resumeState(STATES.handOverSecret);
    expect(s.handOver?.secretLost).toBe(true);
    const [back] = transition(transition(s, e["sign-in.done"])[0], e["role.done"]);
    expect(back.phase).toBe("hand-over");
    // The lost secret cannot be shown, so it must not block the way out.
    expect(userEvents(back)).toEqual(["sharepoint.start", "finish"]);
  });

  it("leaves finished and unstarted states alone", () => {
    expect(resumeState(STATES.done)).toEqual([STATES.done, []]);
    expect(resumeState(STATES.start)).toEqual([STATES.start, []]);
  });

  it("refuses a sign-in to a different tenant on resume", () => {
    const [s] = resumeState(STATES.review);
    const [next] = transition(s, {
      type: "sign-in.done",
      username: "x@fabrikam.com",
      tenantId: "fabrikam.onmicrosoft.com",
    });
    expect([next.phase, next.error?.field, next.account?.tenantId]).toEqual(["error", "tenantId", TENANT]);
  });
});
