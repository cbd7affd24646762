/**
 * The guided setup: renders core's step machine with clack. The loop is core's: show the state,
 * turn the answer into an event, transition, run the effects, feed their events back. State is
 * saved (without secrets) after every step, so `setup --resume` continues after Ctrl-C.
 */
import type { Effect, WizardEvent, WizardState } from "@boxafe-connect/core";
import { initialState, resumeState, steps, transition } from "@boxafe-connect/core";
import type { SignInPrompt } from "../auth/sign-in.js";
import { CancelledError } from "../cli/usage-error.js";
import type { CommandContext } from "../command-context.js";
import { flag, stringOption } from "../command-context.js";
import { ExitCode } from "../render-error.js";
import { askChooseApp } from "../steps/choose-app.js";
import { askError } from "../steps/error.js";
import { askHandOver, showHandOver } from "../steps/hand-over.js";
import { railLine } from "../steps/rail.js";
import { askReview } from "../steps/review.js";
import { askSharePoint } from "../steps/sharepoint.js";
import type { Ui } from "../steps/ui.js";
import { askVerifyIncomplete } from "../steps/verify-incomplete.js";
import type { WizardSession } from "../wizard/handlers.js";
import { createWizardSession } from "../wizard/handlers.js";
import { forgetRun, loadRun, saveRun, stateFileOf } from "../wizard/state-store.js";

const spinnerText: Readonly<Record<Effect["type"], string>> = {
  "sign-in": "Signing in",
  "check-role": "Checking your directory role",
  observe: "Reading the tenant",
  apply: "Applying the plan",
  verify: "Verifying with fresh app tokens",
  sharepoint: "Preparing the SharePoint values",
};

function promptRenderer(ui: Ui): (prompt: SignInPrompt) => void {
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
      return v && v.total > 0
        ? `${v.granted}/${v.total} permissions proven by tokens`
        : "Verification skipped (no new secret)";
    }
    case "sharepoint":
      return "SharePoint values ready";
  }
}

async function runEffectShown(
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

async function ask(
  ui: Ui,
  state: WizardState,
  session: WizardSession,
  context: CommandContext,
  shown: Set<string>,
) {
  switch (state.phase) {
    case "start":
      return { type: "sign-in.start" } as const;
    case "choose-app":
      return askChooseApp(ui, state, session, context);
    case "review":
      ui.note(railLine(state), "Progress");
      return askReview(ui, state, session.planActions(), context.out.style);
    case "verify-incomplete":
      return askVerifyIncomplete(ui, state);
    case "hand-over":
      if (!shown.has("hand-over")) {
        shown.add("hand-over");
        await showHandOver(ui, state, session, context);
      }
      return askHandOver(ui, state, session);
    case "sharepoint":
      return askSharePoint(ui, session);
    case "error":
      return askError(ui, state);
    default:
      return undefined;
  }
}

export async function runSetupWizard(context: CommandContext): Promise<number> {
  const ui: Ui = await import("@clack/prompts");
  const path = stateFileOf(context);
  let ctx = context;
  let [state, effects]: [WizardState, Effect[]] = [
    initialState({ defaultDisplayName: stringOption(context, "app-name") ?? "QNAP Boxafe" }),
    [],
  ];
  ui.intro("boxafe-connect: connect Microsoft 365 to QNAP Boxafe");
  if (flag(context, "resume")) {
    const saved = await loadRun(path);
    ctx = { ...context, values: { ...saved.flags, ...context.values } };
    [state, effects] = resumeState(saved.state);
    ui.log.info(`Resuming the setup saved at ${saved.savedAt}; signing in again first.`);
  }
  const session = createWizardSession(ctx, {
    onPrompt: promptRenderer(ui),
    notice: (text) => ui.log.info(text),
  });
  const shown = new Set<string>();
  try {
    for (;;) {
      await saveRun(path, ctx, state);
      const effect = effects[0];
      if (effect) {
        const event = await runEffectShown(ui, session, state, effect, (progress) => {
          [state] = transition(state, progress);
        });
        const [next, more] = transition(state, event);
        [state, effects] = [next, [...effects.slice(1), ...more]];
        continue;
      }
      const event = await ask(ui, state, session, ctx, shown);
      if (!event) break;
      [state, effects] = transition(state, event);
      if (state.rejected) ui.log.warn(state.rejected.reason);
    }
  } catch (error) {
    if (error instanceof CancelledError) {
      await saveRun(path, ctx, state).catch(() => {});
      ui.cancel("Cancelled. Nothing more was changed; 'boxafe-connect setup --resume' continues from here.");
      return ExitCode.Cancelled;
    }
    throw error;
  } finally {
    await session.close();
  }
  if (state.phase === "cancelled") {
    ui.cancel("Cancelled. 'boxafe-connect setup --resume' continues from here.");
    return ExitCode.Cancelled;
  }
  await forgetRun(path);
  const incomplete = state.verification !== undefined && !state.verification.complete;
  ui.outro(
    incomplete
      ? "Done, but verification is incomplete: run 'boxafe-connect check' later."
      : "Done. Boxafe can now back up this tenant.",
  );
  return incomplete ? ExitCode.VerificationIncomplete : ExitCode.Ok;
}
