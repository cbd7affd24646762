/**
 * The page's hold on core's step machine: the state, the session's memory and the events core
 * allows, mirrored into signals; the driver (msal, Graph, engine) loads on the first event.
 */
import type { WizardEvent, WizardEventType, WizardState } from "@boxafe-connect/core";
import { DEFAULT_APP_NAME } from "@boxafe-connect/core";
import { createSignal } from "solid-js";
import type { ErrorInfo } from "../error-view.js";
import type { Phase } from "../steps/types.js";
import type { Driver, SessionExtras } from "./driver-types.js";
import { toErrorInfo } from "./error-info.js";

export type DriverListener = (
  state: WizardState,
  extras: SessionExtras,
  events: readonly WizardEventType[],
) => void;

export type LoadDriver = (listener: DriverListener) => Promise<Driver>;

/** The state before anything ran; core's initialState() has the same shape (loaded later). */
const START: WizardState = {
  version: 1,
  phase: "start",
  options: { sharepoint: true, defaultDisplayName: DEFAULT_APP_NAME },
  applied: [],
};

export function useWizard(loadDriver: LoadDriver) {
  const [state, setState] = createSignal<WizardState>(START);
  const [extras, setExtras] = createSignal<SessionExtras>({});
  const [events, setEvents] = createSignal<readonly WizardEventType[]>(["sign-in.start"]);
  const [loading, setLoading] = createSignal(false);
  const [localError, setLocalError] = createSignal<ErrorInfo>();
  let driver: Driver | undefined;

  const getDriver = async (): Promise<Driver> => {
    if (driver) return driver;
    setLoading(true);
    try {
      driver = await loadDriver((s, x, e) => {
        setState(s);
        setExtras(x);
        setEvents(e);
      });
      return driver;
    } finally {
      setLoading(false);
    }
  };

  const send = async (event: WizardEvent) => {
    setLocalError(undefined);
    try {
      await (await getDriver()).send(event);
    } catch (error) {
      setLocalError(toErrorInfo(error));
    }
  };
  const can = (type: WizardEventType) => events().includes(type);
  /**
   * The hand-over's credential is in the admin's hands (held-rule.ts). A failed write must not hide the
   * card and its downloads (localError would): the mark stays, the next download or tick asks again,
   * and at worst the next run reviews the certificate as unheld and replaces it.
   */
  const handOverHeld = async () => {
    try {
      await (await getDriver()).handOverHeld();
    } catch {
      // Still marked pending: see above.
    }
  };

  /** The step an error belongs to, and the error as the views show it. */
  const failedStep = () => (state().phase === "error" ? state().error?.step : undefined);
  const errorOf = (...steps: string[]): ErrorInfo | undefined => {
    const e = state().error;
    if (state().phase === "error" && e && steps.includes(e.step)) {
      return { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) };
    }
    return undefined;
  };
  const phaseOf = (working: boolean, done: boolean, ...steps: string[]): Phase =>
    errorOf(...steps) ? "error" : working ? "working" : done ? "done" : "idle";
  const is = (...phases: WizardState["phase"][]) => phases.includes(state().phase);
  const atStep = (...steps: string[]) => failedStep() !== undefined && steps.includes(failedStep() ?? "");
  const allowed = () => state().roles !== undefined && state().account !== undefined;

  const startOver = async () => {
    const d = await getDriver();
    d.reset();
    await d.send({ type: "sign-in.start" });
  };

  /**
   * The admin asked for a new certificate instead of the kept one (core's newCertificate): a new walk
   * whose plan makes and adds one, handed over like the first.
   */
  const newCertificate = async () => {
    const d = await getDriver();
    d.askNewCertificate();
    await startOver();
  };

  /** Loads the driver at once (a sign-in under way or a saved state): it resumes by itself. */
  const resume = () => {
    void getDriver().catch((error: unknown) => setLocalError(toErrorInfo(error)));
  };

  return {
    state,
    extras,
    loading,
    localError,
    getDriver,
    send,
    handOverHeld,
    can,
    errorOf,
    phaseOf,
    is,
    atStep,
    allowed,
    startOver,
    newCertificate,
    resume,
  };
}

export type Wizard = ReturnType<typeof useWizard>;
