import { describe, expect, it } from "vitest";
import { availableEvents } from "./available.js";
import type { WizardEvent } from "./events.js";
import { transition } from "./machine.js";
import { progressRail } from "./progress-rail.js";
import { resumeDecision, resumeState } from "./resume.js";
import type { WizardState } from "./schema.js";
import { parseState, serializeState } from "./serialize.js";
import { CLIENT, drive, EMPTY_PLAN, SAMPLE_EVENTS as e, FRESH_PLAN, STATES } from "./test-fixtures.js";

/** Saved, loaded (as `--resume` does), signed in again and role checked: the state that reads the tenant. */
function resumedToObserve(saved: WizardState): WizardState {
  const loaded = parseState(serializeState(saved));
  if (!loaded.ok) throw new Error("fixture");
  const [resumed] = resumeState(loaded.state);
  return drive(resumed, [e["sign-in.done"], e["role.done"]]);
}

const readAgain = (plan = EMPTY_PLAN): WizardEvent => ({ type: "observe.done", plan, appId: CLIENT });

describe("resume after apply", () => {
  it("a tenant that needs nothing goes on to the saved step: verify, hand-over, or SharePoint", () => {
    const verify = transition(resumedToObserve(STATES.verifyIncomplete), readAgain());
    expect([verify[0].phase, verify[1]]).toEqual(["verifying", [{ type: "verify" }]]);
    const handOver = transition(resumedToObserve(STATES.handOver), readAgain());
    expect([handOver[0].phase, handOver[1]]).toEqual(["verifying", [{ type: "verify" }]]);
    expect(drive(handOver[0], [e["verify.done"]]).phase).toBe("hand-over");
    const certificate = drive(STATES.handOver, [{ type: "sharepoint.start", mode: "certificate" }]);
    const sharepoint = transition(resumedToObserve(certificate), readAgain());
    expect([sharepoint[0].phase, sharepoint[1]]).toEqual([
      "preparing-sharepoint",
      [{ type: "sharepoint", mode: "certificate" }],
    ]);
    // What the re-read found is the hand-over: the app's existing secret, never "a new one" of the last run.
    expect(sharepoint[0].handOver).toMatchObject({ clientId: CLIENT, secret: "existing" });
    for (const [state] of [verify, handOver, sharepoint]) expect(state.resumeTo).toBeUndefined();
  });

  it("a tenant that needs something (a secret never handed over is drift) is reviewed first, at every step", () => {
    for (const saved of [
      STATES.verifying,
      STATES.verifyIncomplete,
      STATES.handOverSecret,
      STATES.handOver,
      STATES.sharepoint,
      STATES.errorSharepoint,
    ]) {
      const [next, effects] = transition(resumedToObserve(saved), readAgain(FRESH_PLAN));
      expect([next.phase, effects, next.resumeTo]).toEqual(["review", [], undefined]);
      // The rail shows the new plan's steps as to do, not as done by the stopped run.
      expect(
        progressRail(next)
          .filter((s) => s.status === "done")
          .map((s) => s.id),
      ).toEqual(["sign-in", "check-role"]);
      // The last run's secret is not offered as if it were still to be shown: apply makes the new one.
      const [applying, fx] = transition(next, e["plan.confirm"]);
      expect([applying.phase, fx]).toEqual(["applying", [{ type: "apply" }]]);
    }
  });

  it("a failed re-read keeps the step it was heading for, across another stop and resume", () => {
    const failed = drive(resumedToObserve(STATES.sharepoint), [e["observe.failed"]]);
    expect(failed.phase).toBe("error");
    const again = resumedToObserve(drive(failed, [e.cancel]));
    expect(again.resumeTo).toBe("sharepoint");
  });
});

describe('"Stop here" saves a resumable state', () => {
  const stoppable = Object.entries(STATES).filter(
    ([, state]) => state.phase !== "start" && availableEvents(state).includes("cancel"),
  );

  it.each(stoppable)("stopped in %s, --resume signs in again and continues", (_name, state) => {
    const stopped = drive(state, [e.cancel]);
    expect([stopped.phase, stopped.stoppedIn]).toEqual(["cancelled", state.phase]);
    const loaded = parseState(serializeState(stopped));
    if (!loaded.ok) throw new Error("a stopped state must load");
    const [resumed, effects] = resumeState(loaded.state);
    expect([resumed.phase, effects, resumed.stoppedIn]).toEqual([
      "signing-in",
      [{ type: "sign-in" }],
      undefined,
    ]);
    const [afterRole] = transition(drive(resumed, [e["sign-in.done"]]), e["role.done"]);
    // Before an app is chosen the admin chooses it; after, the tenant is read again.
    expect(afterRole.phase).toBe(state.app === undefined ? "choose-app" : "observing");
  });

  it("a cancelled state saved before this rule (no stoppedIn) resumes too", () => {
    const { stoppedIn: _s, ...old } = STATES.cancelled;
    const [resumed, effects] = resumeState(old);
    expect([resumed.phase, effects]).toEqual(["signing-in", [{ type: "sign-in" }]]);
  });
});

describe("a saved state of a finished setup", () => {
  it("is nothing to resume (the run died before deleting its file): no sign-in, no end screen again", () => {
    const loaded = parseState(serializeState(STATES.done));
    if (!loaded.ok) throw new Error("a finished state must load");
    expect(resumeDecision(loaded.state)).toEqual({
      type: "nothing-to-resume",
      reason: "finished",
      next: "check",
    });
  });

  it("every other saved state continues as resumeState says", () => {
    for (const [name, state] of Object.entries(STATES)) {
      if (state.phase === "done") continue;
      expect([name, resumeDecision(state)]).toEqual([name, { type: "continue", start: resumeState(state) }]);
    }
  });
});
