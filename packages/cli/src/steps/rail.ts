/** One line of the progress rail: done ✔, current ●, pending ○, skipped –, failed ✖. */
import type { BoxafeVersion, WizardState } from "@boxafe-connect/core";
import { progressRail } from "@boxafe-connect/core";

const marks = { done: "✔", current: "●", pending: "○", skipped: "–", failed: "✖" } as const;

export function railLine(state: WizardState, boxafe?: BoxafeVersion): string {
  return progressRail(state, boxafe)
    .filter((entry) => !entry.optional || entry.status !== "pending")
    .map((entry) => `${marks[entry.status]} ${entry.title}`)
    .join("\n");
}
