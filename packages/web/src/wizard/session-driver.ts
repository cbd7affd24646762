/**
 * The loop every adapter runs around core's step machine: transition, run the effects through the
 * handlers, feed the results back. The state (secret-free JSON) is kept in sessionStorage so the
 * sign-in redirect, or a reload, resumes where the admin was.
 */
import type { WizardEvent, WizardEventType, WizardState } from "@boxafe-connect/core";
import {
  DEFAULT_APP_NAME,
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
  let state = initialState({ sharepoint: true, defaultDisplayName: DEFAULT_APP_NAME });
  const page = browserHandlers(config, auth, () => state);
  const handlers = page.handlers;

  const commit = (next: WizardState) => {
    state = next;
    sessionStorage.setItem(STATE_KEY, serializeState(state));
    onChange(state, page.extras(), userEvents(state));
  };

  const send = async (event: WizardEvent): Promise<void> => {
    if (event.type === "sign-in.again") page.chooseAnotherAccount();
    // The admin confirmed the secret is saved (held-rule.ts: "confirm"): held now. Leaving the
    // hand-over is not having the credential: a certificate never downloaded stays marked unheld.
    if (event.type === "secret.shown") await page.handedOver();
    const [next, effects] = transition(state, event);
    commit(next);
    // Boxafe 1.5's certificate: the card offers its downloads at once, but offered is not held; the
    // card calls handOverHeld when a file with the key is downloaded or the admin says it is saved.
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
      return page.extras();
    },
    setSecretDays: page.setSecretDays,
    setBoxafe: page.setBoxafe,
    check: page.check,
    repair: page.repair,
    rotate: page.rotate,
    retire: page.retire,
    rotationHeld: page.rotationHeld,
    handOverHeld: page.handedOver,
    askNewCertificate: page.askNewCertificate,
    createCertificate: page.createCertificate,
    sharePointHeld: page.sharePointHeld,
    reset() {
      sessionStorage.removeItem(STATE_KEY);
      sessionStorage.removeItem(CHOICES_KEY);
      // A new walk is a new core session, as a new CLI run is.
      page.restart();
      state = initialState({ sharepoint: true, defaultDisplayName: DEFAULT_APP_NAME });
      onChange(state, page.extras(), userEvents(state));
    },
  };
}
