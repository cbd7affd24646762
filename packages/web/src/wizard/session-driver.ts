/**
 * The loop every adapter runs around core's step machine: transition, run the effects through the
 * handlers, feed the results back. The state (secret-free JSON) is kept in sessionStorage so the
 * sign-in redirect, or a reload, resumes where the admin was.
 */
import type { WizardEvent, WizardEventType, WizardState } from "@boxafe-connect/core";
import {
  initialState,
  parseState,
  resumeState,
  runEffect,
  serializeState,
  transition,
  userEvents,
} from "@boxafe-connect/core";
import { startAuth } from "../auth/session.js";
import type { WebConfig } from "../config.js";
import type { Driver, SessionExtras } from "./driver-types.js";
import { browserHandlers } from "./effect-handlers.js";
import { CHOICES_KEY, STATE_KEY } from "./keys.js";

function saved(): WizardState | undefined {
  const text = sessionStorage.getItem(STATE_KEY);
  if (text === null) return undefined;
  const parsed = parseState(text);
  return parsed.ok ? parsed.state : undefined;
}

export async function createDriver(
  config: WebConfig,
  origin: string,
  onChange: (state: WizardState, extras: SessionExtras, events: readonly WizardEventType[]) => void,
): Promise<Driver> {
  const auth = await startAuth(config, origin);
  let state = initialState({ sharepoint: true, defaultDisplayName: "QNAP Boxafe" });
  const handlers = browserHandlers(config, auth, () => state);

  const commit = (next: WizardState) => {
    state = next;
    sessionStorage.setItem(STATE_KEY, serializeState(state));
    onChange(state, handlers.extras(), userEvents(state));
  };

  const send = async (event: WizardEvent): Promise<void> => {
    if (event.type === "sign-in.again") handlers.chooseAnotherAccount();
    // The admin confirmed the secret is saved, or leaves the hand-over core let them leave: held now.
    const leavesHandOver =
      state.phase === "hand-over" &&
      (event.type === "finish" || event.type === "sharepoint.start") &&
      userEvents(state).includes(event.type);
    if (event.type === "secret.shown" || leavesHandOver) await handlers.handedOver();
    const [next, effects] = transition(state, event);
    commit(next);
    // No new secret to confirm (Boxafe 1.5): the card offers the certificate's downloads from the
    // hand-over on, so from then the admin may hold it and the tenant stops counting it unheld.
    // A failed write here must not hide the card: the mark stays and is cleared when the admin leaves it.
    if (next.phase === "hand-over" && next.handOver?.secret !== "new")
      await handlers.handedOver().catch(() => undefined);
    for (const effect of effects) {
      const result = await runEffect(handlers, effect, (progress) => {
        commit(transition(state, progress)[0]);
      });
      await send(result);
    }
  };

  const run = async (effects: readonly Parameters<typeof runEffect>[1][]) => {
    for (const effect of effects) await send(await runEffect(handlers, effect));
  };

  const previous = saved();
  if (previous && previous.phase === "signing-in" && auth.signedIn) {
    // Back from the sign-in page: finish the sign-in effect that sent us there.
    commit(previous);
    void run([{ type: "sign-in" }]);
  } else if (previous && previous.phase !== "start" && auth.signedIn) {
    // A reload: core decides how to resume (sign in again silently, re-check the role, continue).
    const [next, effects] = resumeState(previous);
    commit(next);
    void run(effects);
  } else {
    commit(state);
  }

  return {
    send,
    get state() {
      return state;
    },
    get extras() {
      return handlers.extras();
    },
    setSecretDays: handlers.setSecretDays,
    setBoxafe: handlers.setBoxafe,
    check: handlers.check,
    repair: handlers.repair,
    rotate: handlers.rotate,
    retire: handlers.retire,
    rotationHeld: handlers.rotationHeld,
    createCertificate: handlers.createCertificate,
    reset() {
      sessionStorage.removeItem(STATE_KEY);
      sessionStorage.removeItem(CHOICES_KEY);
      state = initialState({ sharepoint: true, defaultDisplayName: "QNAP Boxafe" });
      onChange(state, handlers.extras(), userEvents(state));
    },
  };
}
