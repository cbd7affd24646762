/** Which apply steps an engine progress event reports as finished (for the wizard's rail). */
import type { ProgressEvent } from "../ports.js";
import type { ApplyStep } from "./steps.js";
import { WAVE_STEPS } from "./steps.js";

/**
 * The engine reports wave n finished when wave n+1 starts (done = n); the last wave reports
 * done = 3. Anything else (other phases, no count, an unknown wave) finishes no step.
 */
export function finishedApplySteps(event: ProgressEvent): readonly ApplyStep[] {
  if (event.phase !== "apply" || typeof event.done !== "number") return [];
  return WAVE_STEPS[event.done as 1 | 2 | 3] ?? [];
}
