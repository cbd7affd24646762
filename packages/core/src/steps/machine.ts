/**
 * The wizard as a pure function: transition(state, event) -> [next state, effects to run].
 * An event that does not apply returns the same state with a `rejected` marker and no effects.
 */
import { DEFAULT_APP_NAME } from "../defaults.js";
import { availableEvents } from "./available.js";
import { chooseExisting, chooseNew, fresh } from "./choose-app.js";
import type { WizardEvent } from "./events.js";
import { afterRoleCheck, observeEffect, resumeSharePoint } from "./resume.js";
import type { Effect, ErrorInfo, Phase, WizardState } from "./schema.js";
import { APPLY_STEPS, type StepId } from "./steps.js";

type Result = [WizardState, Effect[]];

export interface InitialOptions {
  /** Offer the SharePoint appendix after hand-over. */
  readonly sharepoint?: boolean;
  /** Prefilled display name for a new app. */
  readonly defaultDisplayName?: string;
}

export function initialState(options: InitialOptions = {}): WizardState {
  return {
    version: 1,
    phase: "start",
    options: {
      sharepoint: options.sharepoint ?? false,
      defaultDisplayName: options.defaultDisplayName ?? DEFAULT_APP_NAME,
    },
    applied: [],
  };
}

/** Where a running effect leaves the wizard (used by retry and resume). */
export function runningPhaseOf(effect: Effect): Phase {
  const phases: Record<Effect["type"], Phase> = {
    "sign-in": "signing-in",
    "check-role": "checking-role",
    observe: "observing",
    apply: "applying",
    verify: "verifying",
    sharepoint: "preparing-sharepoint",
  };
  return phases[effect.type];
}

function failed(state: WizardState, step: StepId, error: ErrorInfo, retry: Effect): Result {
  return [{ ...state, phase: "error", error: { ...error, step, retry } }, []];
}

function step(state: WizardState, event: WizardEvent): Result {
  switch (event.type) {
    case "sign-in.start":
    case "sign-in.again":
      return [{ ...state, phase: "signing-in", error: undefined }, [{ type: "sign-in" }]];
    case "sign-in.done": {
      const known = state.account?.tenantId;
      if (known !== undefined && known.toLowerCase() !== event.tenantId.toLowerCase()) {
        const message = `This session belongs to tenant ${known}, but the sign-in was to ${event.tenantId}. Sign in with an administrator of ${known}.`;
        return failed(
          state,
          "sign-in",
          { code: "invalid_input", message, field: "tenantId" },
          { type: "sign-in" },
        );
      }
      const account = { username: event.username, tenantId: event.tenantId };
      return [{ ...state, account, phase: "checking-role" }, [{ type: "check-role" }]];
    }
    case "sign-in.failed":
      return failed(state, "sign-in", event.error, { type: "sign-in" });
    case "role.done":
      return afterRoleCheck({ ...state, roles: event.roles });
    case "role.failed":
      return failed(state, "check-role", event.error, { type: "check-role" });
    case "app.choose-new":
      return chooseNew(state, event.displayName);
    case "app.choose-existing":
      return chooseExisting(state, event.appId);
    case "observe.done": {
      const { resumeTo, ...rest } = state;
      // A fresh read makes a fresh plan: nothing of it is applied yet (a resume's old run included).
      const next: WizardState = { ...rest, plan: event.plan, existingAppId: event.appId, applied: [] };
      // Something to do (a resume included: the tenant, not the saved state, says what exists,
      // e.g. a secret never handed over is drift): the admin reviews it first.
      if (event.plan.total > 0) return [{ ...next, phase: "review" }, []];
      // Nothing to do: skip apply and prove what is there.
      const handOver =
        event.appId === undefined
          ? undefined
          : {
              clientId: event.appId,
              tenantId: state.account?.tenantId ?? "",
              secret: "existing" as const,
              secretShown: false,
            };
      if (resumeTo === "sharepoint" && handOver) return resumeSharePoint({ ...next, handOver });
      return [{ ...next, handOver, phase: "verifying" }, [{ type: "verify" }]];
    }
    case "observe.failed":
      return failed(state, "choose-app", event.error, observeEffect(state));
    case "app.change":
      return [{ ...fresh(state), phase: "choose-app" }, []];
    case "plan.confirm":
      return [{ ...state, phase: "applying", applied: [] }, [{ type: "apply" }]];
    case "apply.progress": {
      const applied = APPLY_STEPS.filter((s) => s === event.step || state.applied.includes(s));
      return [{ ...state, applied }, []];
    }
    case "apply.done": {
      const handOver = {
        clientId: event.clientId,
        tenantId: state.account?.tenantId ?? "",
        secret: event.secret,
        secretExpiresOn: event.secretExpiresOn,
        secretShown: false,
      };
      return [{ ...state, applied: [...APPLY_STEPS], handOver, phase: "verifying" }, [{ type: "verify" }]];
    }
    case "apply.failed": {
      const at = APPLY_STEPS.find((s) => !state.applied.includes(s)) ?? "grant-consent";
      return failed(state, at, event.error, { type: "apply" });
    }
    case "verify.progress": {
      const { granted, total } = event;
      const attempts = state.verification?.attempts ?? 0;
      const verification = {
        complete: false,
        granted,
        pending: total - granted,
        missing: 0,
        unverifiable: 0,
        total,
        attempts,
      };
      return [{ ...state, verification }, []];
    }
    case "verify.done": {
      const { type: _t, ...counts } = event;
      const verification = { ...counts, attempts: (state.verification?.attempts ?? 0) + 1 };
      // Not run (the key is held elsewhere): incomplete, but a retry cannot change it, so on to the hand-over.
      const onward = event.complete || event.notRun !== undefined;
      return [{ ...state, verification, phase: onward ? "hand-over" : "verify-incomplete" }, []];
    }
    case "verify.failed":
      return failed(state, "verify", event.error, { type: "verify" });
    case "verify.retry":
      return [{ ...state, phase: "verifying" }, [{ type: "verify" }]];
    case "verify.continue":
      return [{ ...state, phase: "hand-over" }, []];
    case "secret.shown":
      return state.handOver === undefined
        ? [state, []]
        : [{ ...state, handOver: { ...state.handOver, secretShown: true } }, []];
    case "sharepoint.start": {
      // No mode: the legacy appinv values only (what the web and older saved states ask for).
      const { mode } = event;
      return mode === undefined
        ? [{ ...state, phase: "preparing-sharepoint" }, [{ type: "sharepoint" }]]
        : [{ ...state, sharepointMode: mode, phase: "preparing-sharepoint" }, [{ type: "sharepoint", mode }]];
    }
    case "sharepoint.ready": {
      const sharepoint = {
        url: event.url,
        confirmed: false,
        ...(state.sharepointMode ? { mode: state.sharepointMode } : {}),
        ...(event.certificate ? { certificate: event.certificate } : {}),
      };
      return [{ ...state, sharepoint, phase: "sharepoint" }, []];
    }
    case "sharepoint.failed":
      return failed(state, "sharepoint", event.error, { type: "sharepoint" });
    case "sharepoint.confirm":
      return [
        { ...state, sharepoint: state.sharepoint && { ...state.sharepoint, confirmed: true }, phase: "done" },
        [],
      ];
    case "finish":
      return [{ ...state, phase: "done", error: undefined }, []];
    case "retry": {
      if (state.error === undefined) return [state, []];
      const effect = state.error.retry;
      return [{ ...state, phase: runningPhaseOf(effect), error: undefined }, [effect]];
    }
    case "cancel":
      // "Stop here": the phase is kept so that a resume continues from the same step.
      return [{ ...state, phase: "cancelled", stoppedIn: state.phase }, []];
  }
}

/** Drops keys whose value is undefined, so a state is the same before and after a JSON trip. */
function compact(state: WizardState): WizardState {
  return Object.fromEntries(Object.entries(state).filter(([, value]) => value !== undefined)) as WizardState;
}

export function transition(state: WizardState, event: WizardEvent): Result {
  const accepted = availableEvents(state);
  if (!accepted.includes(event.type)) {
    const reason = `"${event.type}" does not apply in phase "${state.phase}"; expected one of: ${accepted.join(", ") || "(none: finished)"}.`;
    return [{ ...state, rejected: { event: event.type, reason } }, []];
  }
  const { rejected: _r, inputError: _i, ...clean } = state;
  const [next, effects] = step(clean, event);
  return [compact(next), effects];
}
