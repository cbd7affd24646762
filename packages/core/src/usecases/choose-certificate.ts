/**
 * Which certificate a run uses: the one the admin already holds (a `--certificate-file`, or the
 * files an earlier run wrote for this app) whenever there is one, a new key pair only when there is
 * none. Never a new key when the admin gave one: a second run in the same folder must not leave
 * one more certificate on the app. Whether the held one still has to be added is the plan's call
 * (a keyCredential with its thumbprint as customKeyIdentifier is already there: nothing to add).
 * A setup may also keep (third outcome) a valid certificate of ours the app already holds when no
 * files are found or given: a run from another folder must not add one more one-year key.
 */
import type { BoxafeVersion } from "../boxafe/version.js";
import { certificateRequestFor } from "../credentials/certificate-option.js";
import { isOurCertificate } from "../credentials/credential-rows.js";
import { isUnheldKey, pendingIds } from "../credentials/hand-over-marker.js";
import { DEFAULT_RENEW_WITHIN_DAYS } from "../defaults.js";
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

/** A certificate of ours on the app, handed over earlier, kept: its key is not here. */
export interface KeptCertificate {
  readonly thumbprint: string;
  readonly keyId: string;
  readonly notAfter: string;
  readonly daysLeft: number;
}

/** "kept": nothing made, nothing added, no files; the proofs cannot run (no key here). */
export type CertificateChoice<C extends MadeCertificate> =
  | ChosenCertificate<C>
  | { readonly source: "kept"; readonly kept: KeptCertificate };

/** Asks chooseCertificate to keep the app's certificate when no files are held (setup only). */
export interface KeepOptions {
  readonly now: number;
  /** The admin asked for a new one (--new-certificate): never keep. */
  readonly newCertificate: boolean;
}

const DAY_MS = 86_400_000;

/**
 * The valid certificate of ours the app holds that setup keeps: handed over (no pending mark), with
 * a thumbprint, and not ending within core's renewal window. The one ending last; undefined: none.
 */
export function keptCertificateOf(
  app: Pick<ObservedApplication, "displayName" | "keyCredentials" | "tags"> | undefined,
  now: number,
): KeptCertificate | undefined {
  if (app === undefined) return undefined;
  const pending = pendingIds(app.tags);
  const renewBy = now + DEFAULT_RENEW_WITHIN_DAYS * DAY_MS;
  const key = app.keyCredentials
    .filter((k) => isOurCertificate(k, app) && !isUnheldKey(k, pending))
    .filter((k) => typeof k.customKeyIdentifier === "string" && k.customKeyIdentifier !== "")
    .filter((k) => Date.parse(k.endDateTime) > renewBy)
    .sort((a, b) => Date.parse(b.endDateTime) - Date.parse(a.endDateTime))[0];
  if (key?.customKeyIdentifier === undefined || key.customKeyIdentifier === null) return undefined;
  const end = Date.parse(key.endDateTime);
  return {
    thumbprint: key.customKeyIdentifier,
    keyId: key.keyId,
    notAfter: key.endDateTime,
    daysLeft: Math.floor((end - now) / DAY_MS),
  };
}

/**
 * The certificate a SharePoint step uses instead of making one: on Boxafe 1.5 the app's handed-over
 * certificate (setup's) already gives SharePoint app-only access, so a second one would only be one
 * more key to hold. Undefined on 1.4 (Boxafe holds a secret; SharePoint needs its own certificate).
 */
export function sharePointCertificateOf(
  app: Pick<ObservedApplication, "displayName" | "keyCredentials" | "tags"> | undefined,
  boxafe: BoxafeVersion | undefined,
  now: number,
): KeptCertificate | undefined {
  return boxafe === "1.5" ? keptCertificateOf(app, now) : undefined;
}

export function chooseCertificate<C extends MadeCertificate>(
  ports: { readonly certificates?: CertificateMaker<C> },
  subject: string,
  days: number,
  appId: string | undefined,
  emit: Emit,
  app?: Pick<ObservedApplication, "displayName" | "keyCredentials" | "tags">,
): Promise<ChosenCertificate<C>>;
export function chooseCertificate<C extends MadeCertificate>(
  ports: { readonly certificates?: CertificateMaker<C> },
  subject: string,
  days: number,
  appId: string | undefined,
  emit: Emit,
  app: Pick<ObservedApplication, "displayName" | "keyCredentials" | "tags"> | undefined,
  keep: KeepOptions,
): Promise<CertificateChoice<C>>;
export async function chooseCertificate<C extends MadeCertificate>(
  ports: { readonly certificates?: CertificateMaker<C> },
  subject: string,
  days: number,
  appId: string | undefined,
  emit: Emit,
  app?: Pick<ObservedApplication, "displayName" | "keyCredentials" | "tags">,
  keep?: KeepOptions,
): Promise<CertificateChoice<C>> {
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
  const kept = keep && !keep.newCertificate ? keptCertificateOf(app, keep.now) : undefined;
  if (kept !== undefined) {
    emit({
      type: "done",
      task: "make-certificate",
      detail: `${kept.thumbprint} (kept: held from an earlier run)`,
    });
    return { source: "kept", kept };
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
  // At least as late, not later: X.509 dates have whole seconds, so a `certificate rotate` in the
  // same second as the setup that made `held` ends at the same second. Only a found file newer than
  // every one of ours on the app (a run killed before its add) may still be added.
  return app.keyCredentials
    .filter((k) => isOurCertificate(k, app) && !isUnheldKey(k, pending))
    .filter((k) => Number.isNaN(heldEnd) || Date.parse(k.endDateTime) >= heldEnd)
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
export function newCertificateOf<C extends MadeCertificate>(chosen: CertificateChoice<C> | undefined) {
  return chosen?.source === "made" ? chosen.certificate : undefined;
}

/** True when the plan puts the certificate on the app (false: it is there already). */
export function addsCertificate(plan: Plan): boolean {
  return plan.actions.some((a) => a.type === "add-certificate");
}
