/**
 * The SharePoint step's certificate: create it through the driver, keep it in memory for the
 * downloads, and count it held by held-rule.ts (the setup and rotation certificates' rule): a PEM or
 * PFX downloaded, or the admin saying the PFX is saved. Shown is not held: until then the step does
 * not move on and the tenant keeps the certificate's pending mark.
 */
import { createSignal } from "solid-js";
import type { CertificateMade } from "../components/certificate-panel.js";
import type { ErrorInfo } from "../error-view.js";
import type { Phase } from "../steps/types.js";
import type { Driver } from "../wizard/driver-types.js";
import { toErrorInfo } from "../wizard/error-info.js";
import { type HandOverAction, holdsCredential } from "../wizard/held-rule.js";

export interface CertificateView {
  readonly phase: Phase;
  readonly error?: ErrorInfo | undefined;
  readonly made?: CertificateMade | undefined;
  /** The admin has the key (held-rule.ts) and the tenant's pending mark is cleared. */
  readonly held?: boolean | undefined;
  /** Clearing the pending mark is under way. */
  readonly holding?: boolean | undefined;
  /** Clearing the mark failed: the key is downloaded but the tenant still counts it unheld. */
  readonly heldError?: ErrorInfo | undefined;
}

export function useCertificate(getDriver: () => Promise<Driver>) {
  /** The app the last attempt was for: after "start over" with another app, its step starts afresh. */
  const [view, setView] = createSignal<{ readonly appId: string } & CertificateView>({
    appId: "",
    phase: "idle",
  });

  const create = async (appId: string, pfxPassword: string) => {
    setView({ appId, phase: "working" });
    try {
      const made = await (await getDriver()).createCertificate(pfxPassword);
      setView({ appId, phase: "done", made, held: false });
    } catch (e) {
      setView({ appId, phase: "error", error: toErrorInfo(e) });
    }
  };

  /** What the admin did with the made certificate's files; held-rule.ts says whether it holds the key. */
  const acted = async (appId: string, action: HandOverAction) => {
    const current = view();
    if (current.appId !== appId || current.made === undefined || current.held === true) return;
    if (!holdsCredential(action, undefined)) return;
    setView({ ...current, holding: true, heldError: undefined });
    try {
      await (await getDriver()).sharePointHeld();
      setView({ ...current, held: true, holding: false, heldError: undefined });
    } catch (e) {
      // The key is in the admin's hands but the tenant still marks it pending: a later run would
      // count it unheld and remove it, so the step stays until the mark is cleared (Try again).
      setView({ ...current, holding: false, heldError: toErrorInfo(e) });
    }
  };

  /** Where the certificate of this app stands. */
  const forApp = (appId: string): CertificateView => {
    const current = view();
    return current.appId === appId ? current : { phase: "idle" };
  };

  return { create, acted, forApp };
}
