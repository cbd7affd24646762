/** Which events apply in which state: the single table both transition and the UIs read. */
import { USER_EVENTS, type WizardEventType } from "./events.js";
import type { Phase, WizardState } from "./schema.js";

const ACCEPTS: Readonly<Record<Phase, readonly WizardEventType[]>> = {
  start: ["sign-in.start", "cancel"],
  "signing-in": ["sign-in.done", "sign-in.failed", "cancel"],
  "checking-role": ["role.done", "role.failed", "cancel"],
  "choose-app": ["app.choose-new", "app.choose-existing", "cancel"],
  observing: ["observe.done", "observe.failed", "cancel"],
  review: ["plan.confirm", "app.change", "cancel"],
  // Writes in flight cannot be taken back, so no cancel while applying.
  applying: ["apply.progress", "apply.done", "apply.failed"],
  verifying: ["verify.progress", "verify.done", "verify.failed", "cancel"],
  "verify-incomplete": ["verify.retry", "verify.continue", "cancel"],
  "hand-over": ["secret.shown", "sharepoint.start", "finish"],
  "preparing-sharepoint": ["sharepoint.ready", "sharepoint.failed"],
  sharepoint: ["sharepoint.confirm", "finish"],
  done: [],
  cancelled: [],
  error: ["retry", "cancel"],
};

/** A new secret must be shown before the wizard moves past hand-over: it cannot be read back. */
function secretPending(state: WizardState): boolean {
  const h = state.handOver;
  return h !== undefined && h.secret === "new" && !h.secretShown && h.secretLost !== true;
}

/** Every event type `transition` accepts in this state (user choices and effect results). */
export function availableEvents(state: WizardState): WizardEventType[] {
  const base = [...ACCEPTS[state.phase]];
  if (state.phase === "error") {
    const code = state.error?.code;
    if (
      code === "insufficient_role" ||
      code === "token_expired" ||
      code === "sign_in_failed" ||
      code === "invalid_input"
    ) {
      base.push("sign-in.again");
    }
    if (state.error?.step === "sharepoint") base.push("finish");
  }
  if (state.phase === "hand-over") {
    const shown =
      state.handOver?.secret !== "new" || state.handOver.secretShown || state.handOver.secretLost === true;
    return base.filter((type) => (type === "secret.shown" ? !shown : !secretPending(state)));
  }
  return base;
}

/** The subset a person can choose now: what the web shows as buttons and the CLI as choices. */
export function userEvents(state: WizardState): WizardEventType[] {
  return availableEvents(state).filter((type) => (USER_EVENTS as readonly string[]).includes(type));
}
