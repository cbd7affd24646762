/**
 * The credentials of one setup session (the step machine's effects in setup-session.ts): which
 * secret and certificate the run asks for, which certificate it uses (the admin's own "held", a
 * new "made" key pair, or the app's "kept" one), which credential the proofs sign in with, the
 * pending marks the hand-over clears, and what a failed run still owes the admin (unheld). State
 * in memory only; nothing here is copied into the machine's state.
 */
import { boxafeCredentials } from "../boxafe/version.js";
import type { NewSecret } from "../engine/add-password.js";
import type { WantedCredentials } from "../preflight/types.js";
import type { SetupRequest } from "../requests/setup-request.js";
import type { CertificateOutcome } from "../usecases/certificate.js";
import {
  type CertificateSource,
  chooseCertificate,
  type KeptCertificate,
} from "../usecases/choose-certificate.js";
import type { Emit } from "../usecases/events.js";
import { heldCertificateHandOver, type PendingHandOver } from "../usecases/hand-over.js";
import type { CertificateMaker, MadeCertificate } from "../usecases/ports.js";
import type { Prepared } from "../usecases/prepare.js";
import { secretLifetimeOf } from "../usecases/prepare.js";
import type { Applied } from "../usecases/setup.js";
import { proofCredential } from "../usecases/setup.js";
import type { ClientCredential } from "../verify/port.js";
import type { VerificationReport } from "../verify/verify.js";

/** Boxafe 1.5 signs in with a certificate: no secret is planned for it; every other run plans one. */
export function plansSecret(request: Pick<SetupRequest, "boxafe">): boolean {
  return request.boxafe === undefined ? true : boxafeCredentials(request.boxafe).secret;
}

/** The lifetimes asked for, before the preflight fits them to the tenant's rules. */
export function askedCredentials(request: SetupRequest, withSecret: boolean, now: number): WantedCredentials {
  const certificate = request.boxafe !== undefined && boxafeCredentials(request.boxafe).certificate;
  return {
    ...(withSecret ? { secretDays: secretLifetimeOf(request, now).days } : {}),
    ...(request.certificate || certificate ? { certificateDays: request.certificateDays } : {}),
  };
}

export interface SessionCredentials<C extends MadeCertificate> {
  /**
   * At observe: picks the certificate Boxafe 1.5 (or --certificate) signs in with, or none when no
   * lifetime is asked; forgets an earlier observe's choice either way.
   */
  choose(
    ports: { readonly certificates?: CertificateMaker<C> },
    prepared: Prepared,
    certificateDays: number | undefined,
    newCertificate: boolean,
    emit: Emit,
  ): Promise<void>;
  /** The certificate chosen at observe, held or made (undefined when kept or none). */
  chosen(): C | undefined;
  /** The chosen certificate when it is a new key pair: only that one is handed over (files) at apply. */
  newKeyPair(): C | undefined;
  kept(): KeptCertificate | undefined;
  /**
   * The credential the proofs sign in with: the certificate when no secret was made (Boxafe 1.5,
   * or a tenant that blocks secrets), else the new secret, else one the admin already holds.
   */
  proving(
    request: Pick<SetupRequest, "boxafe">,
    applied: Pick<Applied, "secret"> | undefined,
    knownSecret: string | undefined,
  ): ClientCredential | undefined;
  /** The SharePoint step reuses the chosen certificate (it already gives app-only access). */
  reuseForSharePoint(report: VerificationReport): void;
  /** The SharePoint step added a certificate of its own (addCertificate's outcome). */
  addedForSharePoint(added: CertificateOutcome<C>): void;
  /** SharePoint's certificate, else the chosen one once proven by `report`. */
  certificate(
    report: VerificationReport | undefined,
  ): { readonly made: C; readonly report: VerificationReport } | undefined;
  /** "held" when certificate() is the admin's own (reused: no files to write), "made" when new. */
  source(): CertificateSource | undefined;
  /**
   * The admin holds what this run made: the certificate pending marks to clear (SharePoint's new
   * one, a held one a killed run left marked), taken once; unheld() is empty from here on.
   */
  deliver(): readonly (PendingHandOver | undefined)[];
  /**
   * The credentials this run made that the admin may not hold yet: a new secret, and a new key
   * pair (Boxafe 1.5's, or SharePoint's) with its PFX password. They cannot be read back from the
   * tenant, so a run that fails after making them hands them over with the error: this is that
   * decision, for every adapter. Undefined when the run made none (a reused certificate is held)
   * or once deliver() ran.
   */
  unheld(
    applied: Pick<Applied, "secret"> | undefined,
  ): { readonly secret?: NewSecret; readonly certificate?: C } | undefined;
}

export function sessionCredentials<C extends MadeCertificate>(): SessionCredentials<C> {
  /** Boxafe 1.5's certificate, made at observe time (it is the app's only credential then). */
  let made: C | undefined;
  /** Whether `made` is the admin's own (reused) or a new key pair. */
  let madeSource: CertificateSource | undefined;
  /** A reused (held) certificate still marked pending by a killed run: cleared at the hand-over. */
  let heldPending: PendingHandOver | undefined;
  let kept: KeptCertificate | undefined;
  let sharePoint: { made: C; report: VerificationReport } | undefined;
  let sharePointSource: CertificateSource | undefined;
  let sharePointPending: PendingHandOver | undefined;
  /** deliver() ran: what this run made is in the admin's hands. */
  let delivered = false;

  return {
    async choose(ports, prepared, certificateDays, newCertificate, emit) {
      made = undefined;
      madeSource = undefined;
      heldPending = undefined;
      kept = undefined;
      if (certificateDays === undefined) return;
      const picked = await chooseCertificate(
        ports,
        prepared.desired.displayName,
        certificateDays,
        prepared.observed.application?.appId,
        emit,
        prepared.observed.application,
        { now: prepared.now, newCertificate },
      );
      if (picked.source === "kept") kept = picked.kept;
      else {
        made = picked.certificate;
        madeSource = picked.source;
        if (picked.source === "held")
          heldPending = heldCertificateHandOver(prepared.observed.application, made.thumbprint);
      }
    },
    chosen: () => made,
    newKeyPair: () => (madeSource === "made" ? made : undefined),
    kept: () => kept,
    proving(request, applied, knownSecret) {
      return made && !applied?.secret
        ? { kind: "certificate", certificatePem: made.certificatePem, privateKeyPem: made.privateKeyPem }
        : proofCredential(request, applied ?? {}, made, knownSecret);
    },
    reuseForSharePoint(report) {
      if (made) sharePoint = { made, report };
    },
    addedForSharePoint(added) {
      sharePoint = { made: added.certificate, report: added.report };
      sharePointSource = added.source;
      sharePointPending = added.handOver;
    },
    certificate: (report) => sharePoint ?? (made && report ? { made, report } : undefined),
    source: () => sharePointSource ?? madeSource,
    deliver() {
      delivered = true;
      const pending = [sharePointPending, heldPending];
      sharePointPending = undefined;
      heldPending = undefined;
      return pending;
    },
    unheld(applied) {
      if (delivered) return undefined;
      const secret = applied?.secret;
      // Boxafe 1.5's key pair is written at apply (the hand-over port); SharePoint's at its step.
      const key =
        madeSource === "made" && applied && made
          ? made
          : sharePointSource === "made"
            ? sharePoint?.made
            : undefined;
      if (!secret && !key) return undefined;
      return { ...(secret ? { secret } : {}), ...(key ? { certificate: key } : {}) };
    },
  };
}
