/**
 * Which certificate a run uses: the one the admin already holds (a `--certificate-file`, or the
 * files an earlier run wrote for this app) whenever there is one, a new key pair only when there is
 * none. Never a new key when the admin gave one: a second run in the same folder must not leave
 * one more certificate on the app. Whether the held one still has to be added is the plan's call
 * (a keyCredential with its thumbprint as customKeyIdentifier is already there: nothing to add).
 */
import { certificateRequestFor } from "../credentials/certificate-option.js";
import { isOurCertificate } from "../credentials/credential-rows.js";
import { isUnheldKey, pendingIds } from "../credentials/hand-over-marker.js";
import { CoreError } from "../errors.js";
import { hasThumbprint } from "../tenant/credentials-plan.js";
import type { KeyCredential, ObservedApplication, Plan } from "../tenant/model.js";
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
  app?: Pick<ObservedApplication, "displayName" | "keyCredentials" | "tags">,
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
    refuseSuperseded(held, app);
    emit({ type: "done", task: "make-certificate", detail: `${held.thumbprint} (yours, reused)` });
    return { certificate: held, source: "held" };
  }
  const made = await maker.make(request);
  emit({ type: "done", task: "make-certificate", detail: made.thumbprint });
  return { certificate: made, source: "made" };
}

/**
 * A newer certificate of ours the app holds (handed over: no pending mark) that replaced `held`,
 * when `held` was found in a folder (an earlier run's files) and is no longer on the app: it was
 * retired (`certificate rotate` + `certificate retire`). Undefined when `held` may be used.
 */
export function replacementOf(
  held: Pick<MadeCertificate, "thumbprint" | "notAfter" | "heldFrom">,
  app: Pick<ObservedApplication, "displayName" | "keyCredentials" | "tags"> | undefined,
): KeyCredential | undefined {
  // An admin's explicit --certificate-file is added when absent, by design; only found files are judged.
  if (held.heldFrom?.kind !== "found" || app === undefined) return undefined;
  if (app.keyCredentials.some((k) => hasThumbprint(k, held.thumbprint))) return undefined;
  const pending = pendingIds(app.tags);
  const heldEnd = Date.parse(held.notAfter);
  return app.keyCredentials
    .filter((k) => isOurCertificate(k, app) && !isUnheldKey(k, pending))
    .filter((k) => Number.isNaN(heldEnd) || Date.parse(k.endDateTime) > heldEnd)
    .sort((a, b) => Date.parse(b.endDateTime) - Date.parse(a.endDateTime))[0];
}

function refuseSuperseded(
  held: Pick<MadeCertificate, "thumbprint" | "notAfter" | "heldFrom">,
  app: Pick<ObservedApplication, "displayName" | "keyCredentials" | "tags"> | undefined,
): void {
  const current = replacementOf(held, app);
  if (current === undefined) return;
  const file = held.heldFrom?.file ?? "this folder";
  const currentThumbprint = current.customKeyIdentifier ?? `keyId ${current.keyId}`;
  throw new CoreError(
    "unsafe_operation",
    `The certificate in ${file} (${held.thumbprint}) was retired or replaced: the app now holds a newer ` +
      `certificate of ours, ${currentThumbprint} (until ${current.endDateTime.slice(0, 10)}). It is not ` +
      "added again and nothing new is made. Pass the current certificate's file (where `certificate rotate` " +
      "wrote it) with --certificate-file, or make a new one with `certificate rotate`.",
    { field: "certificate" },
  );
}

/** The certificate that goes to the hand-over port: only a new key pair (the admin has a held one). */
export function newCertificateOf<C extends MadeCertificate>(chosen: ChosenCertificate<C> | undefined) {
  return chosen?.source === "made" ? chosen.certificate : undefined;
}

/** True when the plan puts the certificate on the app (false: it is there already). */
export function addsCertificate(plan: Plan): boolean {
  return plan.actions.some((a) => a.type === "add-certificate");
}
