/**
 * The public names of core/steps (src/index.ts re-exports them all; add a new export here): the
 * wizard's steps: ids, the state machine, its drivers and the saved state.
 */

export { finishedApplySteps } from "./apply-progress.js";
export { availableEvents, userEvents } from "./available.js";
export type { Driver, UpFrontAnswers } from "./drive.js";
export { answersUpFront, driveSteps } from "./drive.js";
export type { WizardEvent, WizardEventType } from "./events.js";
export { USER_EVENTS, wizardEventSchema } from "./events.js";
export type { InitialOptions } from "./machine.js";
export { initialState, runningPhaseOf, transition } from "./machine.js";
export type { RailEntry, StepStatus } from "./progress-rail.js";
export { progressRail, workPerStep } from "./progress-rail.js";
export type { ResumeDecision } from "./resume.js";
export { resumeDecision, resumeState } from "./resume.js";
export type { ApplyOutcome, EffectHandlers, VerifyOutcome } from "./run-effect.js";
export { runEffect } from "./run-effect.js";
export type { SavedSetup, SavedSetupParse } from "./saved-setup.js";
export { parseSavedSetup, serializeSavedSetup } from "./saved-setup.js";
export type {
  Effect,
  ErrorInfo as WizardErrorInfo,
  Phase as WizardPhase,
  SharePointMode,
  WizardState,
} from "./schema.js";
export {
  effectSchema,
  PHASES,
  planSummarySchema,
  sharePointModeSchema,
  wizardStateSchema,
} from "./schema.js";
export type { ParseStateResult } from "./serialize.js";
export { parseState, serializeState } from "./serialize.js";
export type {
  HostProofInput,
  SessionHost,
  SessionOptions,
  SessionPorts,
  SetupSession,
} from "./setup-session.js";
export { createSetupSession } from "./setup-session.js";
export { stepTitle } from "./step-titles.js";
export type { ApplyStep, StepId, StepInfo } from "./steps.js";
export { APPLY_STEPS, STEP_IDS, steps, WAVE_STEPS } from "./steps.js";
