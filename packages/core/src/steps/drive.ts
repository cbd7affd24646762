/**
 * The one loop over the step machine: show the state, run the effects, ask for the next event,
 * transition. The wizard answers with prompts; `setup --yes` with the answers given up front
 * (answersUpFront); both walk the same machine, so both offer the same steps.
 */
import { CoreError } from "../errors.js";
import { userEvents } from "./available.js";
import type { WizardEvent } from "./events.js";
import { transition } from "./machine.js";
import { type EffectHandlers, runEffect } from "./run-effect.js";
import type { Effect, SharePointMode, WizardState } from "./schema.js";

export interface Driver {
  readonly handlers: EffectHandlers;
  /** The next event for a state that waits for a person; undefined ends the run. */
  answer(state: WizardState): Promise<WizardEvent | undefined> | WizardEvent | undefined;
  /** Runs one effect (default runEffect); the wizard wraps it in a spinner. */
  run?(effect: Effect, state: WizardState, feed: (event: WizardEvent) => void): Promise<WizardEvent>;
  /** Every state, before it is acted on (save for --resume, render, show the hand-over). */
  onState?(state: WizardState): Promise<void> | void;
}

export async function driveSteps(driver: Driver, start: [WizardState, Effect[]]): Promise<WizardState> {
  let [state, effects] = start;
  const run =
    driver.run ??
    ((effect: Effect, _state: WizardState, feed: (event: WizardEvent) => void) =>
      runEffect(driver.handlers, effect, feed));
  let rejectedTwice = 0;
  for (;;) {
    await driver.onState?.(state);
    const effect = effects[0];
    if (effect) {
      const event = await run(effect, state, (progress) => {
        [state] = transition(state, progress);
      });
      const [next, more] = transition(state, event);
      [state, effects] = [next, [...effects.slice(1), ...more]];
      continue;
    }
    if (state.phase === "done" || state.phase === "cancelled") return state;
    const event = await driver.answer(state);
    if (!event) return state;
    [state, effects] = transition(state, event);
    rejectedTwice = state.rejected || state.inputError ? rejectedTwice + 1 : 0;
    if (rejectedTwice > 1) {
      // An answerer that repeats a refused answer would loop forever: stop with its reason.
      throw new CoreError(
        "invalid_input",
        state.inputError?.message ?? state.rejected?.reason ?? "The answer was refused.",
        { field: state.inputError?.field ?? "event" },
      );
    }
  }
}

export interface UpFrontAnswers {
  /** Adopt this app; otherwise a new (or our existing) app by display name. */
  readonly appId?: string;
  readonly displayName: string;
  /** After the hand-over: add a certificate, or show the legacy appinv values; none: finish. */
  readonly sharepoint?: SharePointMode;
}

/**
 * `--yes`: every question answered as given. A refused name stops the run (it is the input's
 * fault); an error phase ends it so the adapter reports the error; incomplete verification
 * continues to the hand-over (the exit code says it).
 */
export function answersUpFront(answers: UpFrontAnswers): (state: WizardState) => WizardEvent | undefined {
  return (state) => {
    if (state.inputError) {
      throw new CoreError("invalid_input", state.inputError.message, { field: state.inputError.field });
    }
    switch (state.phase) {
      case "start":
        return { type: "sign-in.start" };
      case "choose-app":
        return answers.appId
          ? { type: "app.choose-existing", appId: answers.appId }
          : { type: "app.choose-new", displayName: answers.displayName };
      case "review":
        return { type: "plan.confirm" };
      case "verify-incomplete":
        return { type: "verify.continue" };
      case "hand-over": {
        const events = userEvents(state);
        if (events.includes("secret.shown")) return { type: "secret.shown" };
        return answers.sharepoint
          ? { type: "sharepoint.start", mode: answers.sharepoint }
          : { type: "finish" };
      }
      case "sharepoint":
        return { type: "sharepoint.confirm" };
      default:
        return undefined;
    }
  };
}
