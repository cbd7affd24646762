/** error: the failed step's message, then the choices core allows (retry, sign in again, finish, cancel). */
import type { WizardEvent, WizardState } from "@boxafe-connect/core";
import { userEvents } from "@boxafe-connect/core";
import { unwrap } from "../wizard/prompts.js";
import type { Ui } from "./ui.js";

const labels: Readonly<Record<string, string>> = {
  retry: "Try again",
  "sign-in.again": "Sign in with another account",
  finish: "Finish without this step",
  cancel: "Stop here (resume later with setup --resume)",
};

export async function askError(ui: Ui, state: WizardState): Promise<WizardEvent> {
  ui.log.error(state.error?.message ?? "The step failed.");
  const options = userEvents(state)
    .filter((type) => labels[type] !== undefined)
    .map((type): { value: string; label: string } => ({ value: type, label: labels[type] ?? type }));
  const choice = await unwrap(await ui.select({ message: "What now?", options }));
  return { type: choice } as WizardEvent;
}
