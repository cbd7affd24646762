/**
 * The certificate a setup kept (core's chooseCertificate "kept"): the app already holds a valid one
 * of ours from an earlier run, so nothing was made, added or written, and no proof could run here.
 */
import type { KeptCertificate } from "@boxafe-connect/core";
import { proofNotRun } from "@boxafe-connect/core";

/** What the proofs report when the key is not here: never "works". */
export const KEPT_NOT_RUN = proofNotRun("certificate-held-elsewhere").message;

export function keptCertificateLines(kept: KeptCertificate): string[] {
  return [
    `Certificate kept: ${kept.thumbprint} (until ${kept.notAfter.slice(0, 10)}, ${kept.daysLeft} days left), ` +
      "held from an earlier run; to make a new one: certificate rotate or --new-certificate.",
    `  No new key, no file written. Verification and workload proof: ${KEPT_NOT_RUN}.`,
  ];
}
