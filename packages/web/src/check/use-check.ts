/** The check-and-repair mode's signals: check an app by appId, then repair what drifted. */
import { createSignal } from "solid-js";
import type { HandOverValues } from "../components/hand-over-card.js";
import type { ErrorInfo } from "../error-view.js";
import type { Phase } from "../steps/types.js";
import type { Driver } from "../wizard/driver-types.js";
import { toErrorInfo } from "../wizard/error-info.js";
import { CHECK_APP_KEY } from "../wizard/keys.js";
import type { Drift } from "./check-repair.js";

export function useCheck(getDriver: () => Promise<Driver>) {
  const [phase, setPhase] = createSignal<Phase>("idle");
  const [repairPhase, setRepairPhase] = createSignal<Phase>("idle");
  const [error, setError] = createSignal<ErrorInfo>();
  const [drift, setDrift] = createSignal<Drift>();
  const [repaired, setRepaired] = createSignal<HandOverValues>();

  let lastAppId: string | undefined;
  /** The app a reload should read again (sessionStorage; set by the last check in this tab). */
  const savedAppId = () => sessionStorage.getItem(CHECK_APP_KEY) ?? undefined;

  const check = async (appId: string) => {
    lastAppId = appId;
    sessionStorage.setItem(CHECK_APP_KEY, appId);
    setDrift(undefined);
    setRepaired(undefined);
    setRepairPhase("idle");
    setError(undefined);
    setPhase("working");
    try {
      setDrift(await (await getDriver()).check(appId));
      setPhase("done");
    } catch (e) {
      setError(toErrorInfo(e));
      setPhase("error");
    }
  };

  const repair = async () => {
    setError(undefined);
    setRepairPhase("working");
    try {
      setRepaired(await (await getDriver()).repair());
      setRepairPhase("done");
    } catch (e) {
      setError(toErrorInfo(e));
      setRepairPhase("error");
    }
  };

  /** Reads the same app again in place (after a retire), keeping the view until the new read is in. */
  const recheck = async () => {
    if (lastAppId === undefined) return;
    try {
      setDrift(await (await getDriver()).check(lastAppId));
    } catch (e) {
      setError(toErrorInfo(e));
    }
  };

  return { phase, repairPhase, error, drift, repaired, check, repair, recheck, savedAppId };
}
