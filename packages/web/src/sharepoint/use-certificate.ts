/** The SharePoint step's certificate: create it through the driver, keep it in memory for the downloads. */
import { createSignal } from "solid-js";
import type { CertificateMade } from "../components/certificate-panel.js";
import type { ErrorInfo } from "../error-view.js";
import type { Phase } from "../steps/types.js";
import type { Driver } from "../wizard/driver-types.js";
import { toErrorInfo } from "../wizard/error-info.js";

export interface CertificateView {
  readonly phase: Phase;
  readonly error?: ErrorInfo | undefined;
  readonly made?: CertificateMade | undefined;
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
      setView({ appId, phase: "done", made });
    } catch (e) {
      setView({ appId, phase: "error", error: toErrorInfo(e) });
    }
  };

  /** Where the certificate of this app stands. */
  const forApp = (appId: string): CertificateView => {
    const current = view();
    return current.appId === appId ? current : { phase: "idle" };
  };

  return { create, forApp };
}
