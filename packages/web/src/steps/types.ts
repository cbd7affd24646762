import type { ErrorAction, ErrorInfo } from "../error-view.js";

/** Where a step's own work stands; every view renders these four. */
export type Phase = "idle" | "working" | "error" | "done";

export interface StepBase {
  readonly phase: Phase;
  readonly error?: ErrorInfo | undefined;
  readonly onErrorAction: (action: ErrorAction) => void;
}
