/** The step list with a status each: what the CLI and the web both draw as the progress rail. */

import type { BoxafeVersion } from "../boxafe/version.js";
import { proofNotRun } from "../verify/not-run.js";
import type { Phase, PlanSummaryState, WizardState } from "./schema.js";
import { stepTitle } from "./step-titles.js";
import { APPLY_STEPS, type ApplyStep, type StepId, type StepInfo, steps } from "./steps.js";

export type StepStatus = "done" | "current" | "pending" | "skipped" | "failed";

export interface RailEntry extends StepInfo {
  readonly status: StepStatus;
  /** A short note, e.g. "nothing to do" or the error message. */
  readonly detail?: string;
}

const STEP_OF_PHASE: Readonly<Record<Exclude<Phase, "error" | "done" | "cancelled">, StepId>> = {
  start: "sign-in",
  "signing-in": "sign-in",
  "checking-role": "check-role",
  "choose-app": "choose-app",
  observing: "choose-app",
  review: "choose-app",
  applying: "register-app",
  verifying: "verify",
  "verify-incomplete": "verify",
  "hand-over": "hand-over",
  "preparing-sharepoint": "sharepoint",
  sharepoint: "sharepoint",
};

/** How many planned actions fall to each apply step (a step with none is "skipped"). */
export function workPerStep(plan: PlanSummaryState | undefined): Record<ApplyStep, number> {
  const c = (type: keyof PlanSummaryState["counts"]): number => plan?.counts[type] ?? 0;
  return {
    "register-app": c("upsert-application") + c("upsert-service-principal"),
    "add-permissions": c("upsert-application") + c("upsert-resource-service-principal"),
    "create-secret": c("add-password") + c("remove-password") + c("add-certificate"),
    "grant-consent":
      c("assign-app-role") + c("remove-app-role-assignment") + c("create-grant") + c("update-grant"),
  };
}

function currentStep(state: WizardState): StepId | undefined {
  if (state.phase === "error") return state.error?.step;
  if (state.phase === "done" || state.phase === "cancelled") return undefined;
  if (state.phase === "applying")
    return APPLY_STEPS.find((s) => !state.applied.includes(s)) ?? "grant-consent";
  return STEP_OF_PHASE[state.phase];
}

/** `boxafe`: the version being set up (titles follow it: the certificate for 1.5+, the secret otherwise). */
export function progressRail(state: WizardState, boxafe?: BoxafeVersion): RailEntry[] {
  const current = currentStep(state);
  const currentIndex = current === undefined ? -1 : steps.findIndex((s) => s.id === current);
  const finished = state.phase === "done";
  const work = workPerStep(state.plan);
  return steps.map((step, index): RailEntry => {
    const info = { ...step, title: stepTitle(step.id, boxafe) };
    const applyStep = (APPLY_STEPS as readonly string[]).includes(info.id)
      ? (info.id as ApplyStep)
      : undefined;
    if (info.id === current) {
      if (state.phase === "error")
        return { ...info, status: "failed", detail: state.error?.message ?? "failed" };
      return { ...info, status: "current" };
    }
    const past =
      finished ||
      (currentIndex !== -1 && index < currentIndex) ||
      (applyStep !== undefined && state.applied.includes(applyStep));
    if (info.id === "sharepoint") {
      if (state.sharepoint?.confirmed === true) return { ...info, status: "done" };
      return finished ? { ...info, status: "skipped", detail: "not chosen" } : { ...info, status: "pending" };
    }
    if (!past) return { ...info, status: "pending" };
    // No token was asked for (the credential is not here, or no service to ask with): the step was
    // passed, not proven; a tick would claim more than was shown.
    const notRun = state.verification?.notRun;
    if (info.id === "verify" && notRun !== undefined)
      return { ...info, status: "skipped", detail: proofNotRun(notRun).message };
    if (applyStep !== undefined && state.plan !== undefined && work[applyStep] === 0) {
      return { ...info, status: "skipped", detail: "already in place" };
    }
    return { ...info, status: "done" };
  });
}
