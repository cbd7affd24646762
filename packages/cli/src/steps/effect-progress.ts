/**
 * What the wizard shows while an effect of core's step machine runs: the sign-in prompt (device
 * code, browser URL, sandbox user), a spinner with the effect's progress, and the line it ends on.
 */
import type { Effect, WizardEvent, WizardState } from "@boxafe-connect/core";
import { proofNotRun, steps, transition } from "@boxafe-connect/core";
import type { SignInPrompt } from "../auth/sign-in.js";
import type { WizardSession } from "../wizard/setup-session.js";
import type { Ui } from "./ui.js";

const spinnerText: Readonly<Record<Effect["type"], string>> = {
  "sign-in": "Signing in",
  "check-role": "Checking your directory role",
  observe: "Reading the tenant",
  apply: "Applying the plan",
  verify: "Verifying with fresh app tokens",
  sharepoint: "Preparing SharePoint access",
};

export function promptRenderer(ui: Ui): (prompt: SignInPrompt) => void {
  return (prompt) => {
    if (prompt.kind === "device") {
      ui.note(
        `Open ${prompt.verificationUri}\nand enter the code ${prompt.userCode}\n\nIf your tenant blocks device code, rerun with --auth browser.`,
        "Sign in",
      );
    } else if (prompt.kind === "browser") {
      ui.note(`Your browser opens the sign-in page. If it does not, visit:\n${prompt.url}`, "Sign in");
    } else {
      ui.log.info(`Sandbox: signing in as ${prompt.upn}.`);
    }
  };
}

function doneText(state: WizardState, effect: Effect): string {
  switch (effect.type) {
    case "sign-in":
      return `Signed in as ${state.account?.username ?? "?"}`;
    case "check-role":
      return `Role: ${state.roles?.join(", ") || "none"}`;
    case "observe":
      return state.existingAppId ? `Found the app (${state.existingAppId})` : "The app does not exist yet";
    case "apply":
      return `Applied ${state.plan?.total ?? 0} changes`;
    case "verify": {
      const v = state.verification;
      if (v?.notRun) return `Verification ${proofNotRun(v.notRun).message}`;
      return `${v?.granted ?? 0}/${v?.total ?? 0} permissions proven by tokens`;
    }
    case "sharepoint":
      if (state.verification?.notRun === "certificate-held-elsewhere")
        return "Certificate kept (held from an earlier run), not proven here";
      return state.sharepoint?.certificate ? "Certificate added and proven" : "SharePoint values ready";
  }
}

export async function runEffectShown(
  ui: Ui,
  session: WizardSession,
  state: WizardState,
  effect: Effect,
  feed: (event: WizardEvent) => void,
): Promise<WizardEvent> {
  const { runEffect } = await import("@boxafe-connect/core");
  if (effect.type === "sign-in") {
    ui.log.step(spinnerText["sign-in"]);
    const signedIn = await runEffect(session.handlers, effect, feed);
    if (signedIn.type === "sign-in.done") ui.log.success(doneText(transition(state, signedIn)[0], effect));
    return signedIn;
  }
  const spin = ui.spinner();
  spin.start(spinnerText[effect.type]);
  const event = await runEffect(session.handlers, effect, (progress) => {
    feed(progress);
    if (progress.type === "apply.progress")
      spin.message(steps.find((s) => s.id === progress.step)?.title ?? "");
    if (progress.type === "verify.progress")
      spin.message(`Verifying: ${progress.granted}/${progress.total} granted`);
  });
  if (event.type.endsWith(".failed")) spin.error(`${spinnerText[effect.type]}: failed`);
  else spin.stop(doneText(transition(state, event)[0], effect));
  return event;
}
