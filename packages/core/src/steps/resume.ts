/**
 * Resuming a saved state (`setup --resume`, the web page after a reload): tokens are never saved,
 * so every resume signs in again and checks the role. Then it reads the tenant again: the saved
 * state says where the admin was, never what exists. A run stopped after apply but before the
 * hand-over left a credential nobody holds (its pending mark is still on the app), and that read
 * sees it as drift: the plan makes a fresh one, and the hand-over removes the unheld one. Only
 * when the tenant needs nothing does the resume go on to the saved step (verify, hand-over,
 * SharePoint).
 */
import type { Effect, Phase, WizardState } from "./schema.js";

type ResumeTo = NonNullable<WizardState["resumeTo"]>;
type Result = [WizardState, Effect[]];

export function observeEffect(state: WizardState): Effect {
  const app = state.app;
  if (app === undefined || app.mode === "adopt") {
    return { type: "observe", appKey: { appId: app?.appId ?? "" } };
  }
  return { type: "observe", appKey: { uniqueName: app.uniqueName }, displayName: app.displayName };
}

function target(state: WizardState, phase: Phase): ResumeTo {
  const retry = phase === "error" ? state.error?.retry.type : undefined;
  // A resume that failed while re-reading the tenant keeps the step it was heading for.
  if (state.resumeTo && (retry === "observe" || phase === "observing")) return state.resumeTo;
  if (retry === "verify" || phase === "verifying" || phase === "verify-incomplete") return "verify";
  if (retry === "sharepoint" || phase === "preparing-sharepoint" || phase === "sharepoint")
    return "sharepoint";
  if (phase === "hand-over") return "hand-over";
  if (state.app === undefined) return "choose-app";
  // A plan is never saved with a secret and may be stale: read the tenant again and re-review.
  return "observe";
}

/** The state to continue from, and its first effect (sign-in); a finished or fresh state is left as it is. */
export function resumeState(state: WizardState): Result {
  // "Stop here" saved a cancelled state: continue from the phase it stopped in.
  const phase = state.phase === "cancelled" ? (state.stoppedIn ?? "observing") : state.phase;
  if (state.phase === "done" || phase === "start" || phase === "cancelled") {
    const { rejected: _r, stoppedIn: _s, ...clean } = state;
    return [phase === "start" ? { ...clean, phase: "start" } : clean, []];
  }
  const { rejected: _r, inputError: _i, error: _e, stoppedIn: _s, ...clean } = state;
  return [{ ...clean, resumeTo: target(state, phase), phase: "signing-in" }, [{ type: "sign-in" }]];
}

/**
 * What `setup --resume` does with a saved state: continue it, or nothing at all. A state whose
 * phase is `done` was saved by a run that finished but died before deleting its file: there is
 * no step left, and running the end (EWS step, workload proofs) again would be a new run the
 * admin did not ask for. The adapter says so, points to `check`, and forgets the file as a
 * finished run does.
 */
export type ResumeDecision =
  | { readonly type: "continue"; readonly start: Result }
  | { readonly type: "nothing-to-resume"; readonly reason: "finished"; readonly next: "check" };

export function resumeDecision(state: WizardState): ResumeDecision {
  if (state.phase === "done") return { type: "nothing-to-resume", reason: "finished", next: "check" };
  return { type: "continue", start: resumeState(state) };
}

/** SharePoint again after a resume that found nothing to do: the same path the admin chose. */
export function resumeSharePoint(state: WizardState): Result {
  return [
    { ...state, phase: "preparing-sharepoint" },
    [{ type: "sharepoint", ...(state.sharepointMode ? { mode: state.sharepointMode } : {}) }],
  ];
}

/** After a successful role check: the normal next step, or the one a resume asked for. */
export function afterRoleCheck(state: WizardState): Result {
  const { resumeTo, ...rest } = state;
  switch (resumeTo) {
    case undefined:
    case "choose-app":
      return [{ ...rest, phase: "choose-app" }, []];
    case "observe":
      return [{ ...rest, phase: "observing" }, [observeEffect(rest)]];
    // After apply: read the tenant first (observe.done goes on to the saved step when it needs nothing).
    case "verify":
    case "hand-over":
    case "sharepoint":
      return [{ ...state, phase: "observing" }, [observeEffect(rest)]];
  }
}
