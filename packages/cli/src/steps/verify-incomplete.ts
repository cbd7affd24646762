/** verify-incomplete: consent not visible in tokens yet; check again, continue, or stop. */
import type { WizardEvent, WizardState } from "@boxafe-connect/core";
import { unwrap } from "../wizard/prompts.js";
import type { Ui } from "./ui.js";

export async function askVerifyIncomplete(ui: Ui, state: WizardState): Promise<WizardEvent> {
  const v = state.verification;
  ui.log.warn(
    `Verification incomplete: ${v?.granted ?? 0} of ${v?.total ?? 0} granted, ${v?.pending ?? 0} pending, ${v?.missing ?? 0} missing. Entra ID can take a few minutes.`,
  );
  const choice = await unwrap(
    await ui.select({
      message: "What now?",
      options: [
        { value: "verify.retry", label: "Check again" },
        { value: "verify.continue", label: "Continue to the values for Boxafe" },
        { value: "cancel", label: "Stop here (resume later with setup --resume)" },
      ],
    }),
  );
  return { type: choice } as WizardEvent;
}
