/**
 * What every front end says about a certificate a setup kept (chooseCertificate "kept"): the app
 * already holds a valid certificate of ours that an earlier run handed over, and no files are here
 * or given. Nothing was made, added or written, there is nothing new to give Boxafe, and no proof
 * can run here (the key is where that earlier run wrote it). Core owns the words because it owns the
 * decision and the next steps: prove it where the key is, or ask for a new one.
 */
import { proofNotRun } from "../verify/not-run.js";
import type { KeptCertificate } from "./choose-certificate.js";

/** What a proof reports when the key is not here: never "works". */
export const KEPT_NOT_RUN = proofNotRun("certificate-held-elsewhere").message;

export interface KeptCertificateWords {
  /** The certificate kept, and why nothing new was made. */
  readonly summary: string;
  /** What did not happen (no key, no file, nothing new for Boxafe). */
  readonly nothing: string;
  /** Why nothing was proven, and the command that proves it where the key is. */
  readonly prove: string;
  /** How to get a new certificate instead. */
  readonly renew: string;
  /** The hand-over's line where a secret would be: there is none, and nothing new to upload. */
  readonly handOver: string;
  /** The run's last line. */
  readonly end: string;
}

export function keptCertificateWords(kept: KeptCertificate, clientId: string): KeptCertificateWords {
  const verify = `boxafe-connect verify --app-id ${clientId} --certificate-file <its PEM>`;
  return {
    summary:
      `Certificate kept: ${kept.thumbprint} (until ${kept.notAfter.slice(0, 10)}, ${kept.daysLeft} days left), ` +
      "held from an earlier run that handed it over; no files of it are in this folder.",
    nothing: "No new key, no file written, nothing new to upload to Boxafe.",
    prove: `Verification and workload proof: ${KEPT_NOT_RUN}. Prove it where its files are: ${verify}.`,
    renew:
      "To make a new one: boxafe-connect setup --new-certificate (adds a second certificate), or " +
      "certificate rotate with the current PEM.",
    handOver:
      "No client secret: Boxafe takes the certificate of the earlier run (kept, below); nothing new to upload.",
    end: `Done. Boxafe keeps its certificate from an earlier run; proof ${KEPT_NOT_RUN}: prove it where its files are (${verify}).`,
  };
}
