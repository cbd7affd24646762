/** The SharePoint step's certificate: create it through the driver, keep it in memory for the downloads. */
import { createSignal } from "solid-js";
import type { CertificateMade } from "../components/certificate-panel.js";
import type { ErrorInfo } from "../error-view.js";
import type { Phase } from "../steps/types.js";
import type { Driver } from "../wizard/driver-types.js";
import { toErrorInfo } from "../wizard/error-info.js";

export function useCertificate(getDriver: () => Promise<Driver>) {
  const [phase, setPhase] = createSignal<Phase>("idle");
  const [error, setError] = createSignal<ErrorInfo>();
  const [made, setMade] = createSignal<CertificateMade>();

  const create = async (pfxPassword: string) => {
    setError(undefined);
    setPhase("working");
    try {
      setMade(await (await getDriver()).createCertificate(pfxPassword));
      setPhase("done");
    } catch (e) {
      setError(toErrorInfo(e));
      setPhase("error");
    }
  };

  return { phase, error, made, create };
}
