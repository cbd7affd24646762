/** review: the plan grouped as setup will apply it, retired APIs marked; apply, change app, or cancel. */
import type { WizardEvent, WizardState } from "@boxafe-connect/core";
import type { Style } from "../style.js";
import { unwrap } from "../wizard/prompts.js";
import type { Ui } from "./ui.js";

const retired = /Azure Active Directory Graph|OneNote/;

export function reviewText(state: WizardState, style: Style): string {
  const plan = state.plan;
  if (!plan) return "No plan.";
  const lines = plan.actions.map((line) =>
    retired.test(line) ? `${line}  ${style.yellow("(retired API)")}` : line,
  );
  const findings = plan.findings.map((f) => `! ${f.message}`);
  return [...lines, ...(findings.length > 0 ? ["", ...findings] : [])].join("\n");
}

export async function askReview(ui: Ui, state: WizardState, style: Style): Promise<WizardEvent> {
  const total = state.plan?.total ?? 0;
  ui.note(reviewText(state, style), `Plan: ${total} change${total === 1 ? "" : "s"}`);
  const choice = await unwrap(
    await ui.select({
      message: `Apply these ${total} changes to the tenant?`,
      options: [
        { value: "plan.confirm", label: "Apply" },
        { value: "app.change", label: "Choose another app" },
        { value: "cancel", label: "Cancel (nothing is changed)" },
      ],
      initialValue: "plan.confirm",
    }),
  );
  return { type: choice } as WizardEvent;
}
