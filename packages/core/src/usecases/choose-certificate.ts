/**
 * Which certificate a run uses: the one the admin already holds (a `--certificate-file`, or the
 * files an earlier run wrote for this app) whenever there is one, a new key pair only when there is
 * none. Never a new key when the admin gave one: a second run in the same folder must not leave
 * one more certificate on the app. Whether the held one still has to be added is the plan's call
 * (a keyCredential with its thumbprint as customKeyIdentifier is already there: nothing to add).
 */
import { certificateRequestFor } from "../credentials/certificate-option.js";
import { CoreError } from "../errors.js";
import type { Plan } from "../tenant/model.js";
import type { Emit } from "./events.js";
import type { CertificateMaker, MadeCertificate } from "./ports.js";

/** "held": the admin's own certificate (nothing to hand over); "made": a new key pair to hand over. */
export type CertificateSource = "held" | "made";

export interface ChosenCertificate<C extends MadeCertificate> {
  readonly certificate: C;
  readonly source: CertificateSource;
}

export async function chooseCertificate<C extends MadeCertificate>(
  ports: { readonly certificates?: CertificateMaker<C> },
  subject: string,
  days: number,
  appId: string | undefined,
  emit: Emit,
): Promise<ChosenCertificate<C>> {
  const maker = ports.certificates;
  if (!maker) {
    throw new CoreError("invalid_input", "This front end cannot make certificates.", {
      field: "certificate",
    });
  }
  // Checked first so a bad lifetime is refused whichever certificate is used.
  const request = certificateRequestFor(subject, days);
  emit({ type: "start", task: "make-certificate" });
  const held = await maker.held?.(appId);
  if (held !== undefined) {
    emit({ type: "done", task: "make-certificate", detail: `${held.thumbprint} (yours, reused)` });
    return { certificate: held, source: "held" };
  }
  const made = await maker.make(request);
  emit({ type: "done", task: "make-certificate", detail: made.thumbprint });
  return { certificate: made, source: "made" };
}

/** The certificate that goes to the hand-over port: only a new key pair (the admin has a held one). */
export function newCertificateOf<C extends MadeCertificate>(chosen: ChosenCertificate<C> | undefined) {
  return chosen?.source === "made" ? chosen.certificate : undefined;
}

/** True when the plan puts the certificate on the app (false: it is there already). */
export function addsCertificate(plan: Plan): boolean {
  return plan.actions.some((a) => a.type === "add-certificate");
}
