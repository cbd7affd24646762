/** The rotation card's signals: phase one (rotate), the admin's "it is in Boxafe", phase two (retire). */
import type { BoxafeVersion, RetireOutcome } from "@boxafe-connect/core";
import { createSignal, onCleanup } from "solid-js";
import type { ErrorInfo } from "../error-view.js";
import type { Phase } from "../steps/types.js";
import type { Driver, VerifyData } from "../wizard/driver-types.js";
import { toErrorInfo } from "../wizard/error-info.js";
import { holdsCredential } from "../wizard/held-rule.js";
import type { Rotated } from "./rotation.js";

/** `onChanged`: the tenant changed (a credential added or removed): read the app again for the list. */
export function useRotation(getDriver: () => Promise<Driver>, onChanged: () => void) {
  const [phase, setPhase] = createSignal<Phase>("idle");
  const [rotated, setRotated] = createSignal<Rotated>();
  const [verify, setVerify] = createSignal<VerifyData>();
  const [saved, setSavedSignal] = createSignal(false);
  // The admin has the new credential (copied, downloaded or saved): its pending mark is cleared.
  const [held, setHeld] = createSignal(false);
  const [retirePhase, setRetirePhase] = createSignal<Phase>("idle");
  const [retired, setRetired] = createSignal<RetireOutcome>();
  const [error, setError] = createSignal<ErrorInfo>();

  // The new credential lives only in this page: leaving before it is in Boxafe would lose it.
  const warnOnLeave = (e: BeforeUnloadEvent) => {
    if (rotated() !== undefined && !held()) e.preventDefault();
  };
  window.addEventListener("beforeunload", warnOnLeave);
  onCleanup(() => window.removeEventListener("beforeunload", warnOnLeave));

  const reset = () => {
    setPhase("idle");
    setRotated(undefined);
    setVerify(undefined);
    setSavedSignal(false);
    setHeld(false);
    setRetirePhase("idle");
    setRetired(undefined);
    setError(undefined);
  };

  const rotate = async (version: BoxafeVersion) => {
    reset();
    setPhase("working");
    try {
      // Shown the moment core hands it over: a later failure (the proof's read-back) cannot lose it.
      const result = await (await getDriver()).rotate(version, (r) => setRotated(r));
      setRotated(result.rotated);
      setVerify(result.verify);
      setPhase("done");
      onChanged();
    } catch (e) {
      setError(toErrorInfo(e));
      setPhase("error");
    }
  };

  /** Copy, download or "it is in Boxafe": only now does the tenant count the new credential held. */
  const markHeld = async () => {
    if (rotated() === undefined) return;
    try {
      await (await getDriver()).rotationHeld();
      setHeld(true);
    } catch (e) {
      // Still marked pending (the next check says unheld): the next copy, download or tick asks again.
      setError(toErrorInfo(e));
    }
  };

  const setSaved = (value: boolean) => {
    setSavedSignal(value);
    if (value && holdsCredential({ kind: "confirm" }, undefined)) void markHeld();
  };

  const retire = async () => {
    if (!saved()) return;
    setError(undefined);
    setRetirePhase("working");
    try {
      setRetired(await (await getDriver()).retire());
      setRetirePhase("done");
      onChanged();
    } catch (e) {
      setError(toErrorInfo(e));
      setRetirePhase("error");
    }
  };

  return {
    phase,
    rotated,
    verify,
    saved,
    setSaved,
    held,
    markHeld,
    retirePhase,
    retired,
    error,
    rotate,
    retire,
    reset,
  };
}

export type Rotation = ReturnType<typeof useRotation>;
