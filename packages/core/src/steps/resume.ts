/**
 * Resuming a saved state (`setup --resume`): tokens are never saved, so every resume signs in
 * again, checks the role, and then continues where the saved state left off.
 */
import type { Effect, WizardState } from "./schema.js";

type ResumeTo = NonNullable<WizardState["resumeTo"]>;
type Result = [WizardState, Effect[]];

export function observeEffect(state: WizardState): Effect {
  const app = state.app;
  if (app === undefined || app.mode === "adopt") {
    return { type: "observe", appKey: { appId: app?.appId ?? "" } };
  }
  return { type: "observe", appKey: { uniqueName: app.uniqueName }, displayName: app.displayName };
}

function target(state: WizardState): ResumeTo {
  const retry = state.phase === "error" ? state.error?.retry.type : undefined;
  const phase = state.phase;
  if (retry === "verify" || phase === "verifying" || phase === "verify-incomplete") return "verify";
  if (retry === "sharepoint" || phase === "preparing-sharepoint" || phase === "sharepoint")
    return "sharepoint";
  if (phase === "hand-over") return "hand-over";
  if (state.app === undefined) return "choose-app";
  // A plan is never saved with a secret and may be stale: read the tenant again and re-review.
  return "observe";
}

export function resumeState(state: WizardState): Result {
  if (state.phase === "done" || state.phase === "cancelled" || state.phase === "start") {
    const { rejected: _r, ...clean } = state;
    return [clean, []];
  }
  const { rejected: _r, inputError: _i, error: _e, ...clean } = state;
  const handOver =
    clean.handOver && clean.handOver.secret === "new" && !clean.handOver.secretShown
      ? { ...clean.handOver, secretLost: true }
      : clean.handOver;
  const next: WizardState = { ...clean, handOver, resumeTo: target(state), phase: "signing-in" };
  if (next.handOver === undefined) delete next.handOver;
  return [next, [{ type: "sign-in" }]];
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
    case "verify":
      return [{ ...rest, phase: "verifying" }, [{ type: "verify" }]];
    case "hand-over":
      return [{ ...rest, phase: "hand-over" }, []];
    case "sharepoint":
      return [
        { ...rest, phase: "preparing-sharepoint" },
        [{ type: "sharepoint", ...(rest.sharepointMode ? { mode: rest.sharepointMode } : {}) }],
      ];
  }
}
