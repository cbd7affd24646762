/**
 * The certificate a walk kept (core's chooseCertificate "kept", as the CLI's render/kept-certificate.ts):
 * the app already holds a valid certificate of ours that an earlier walk handed over, so core made
 * none, added none, and ran no proof (its private key is wherever Boxafe has it, not in this page).
 */
import type { KeptCertificate } from "@boxafe-connect/core";
import { proofNotRun } from "@boxafe-connect/core";
import type { VerifyData } from "./driver-types.js";

/** Core's words for the proof that did not run: never "works". */
export const keptNotRun = proofNotRun("certificate-held-elsewhere");

export function keptCertificateText(kept: KeptCertificate): string {
  return (
    `The app already holds the certificate ${kept.thumbprint} (until ${kept.notAfter.slice(0, 10)}, ` +
    `${kept.daysLeft} days left), handed over by an earlier setup: it is held elsewhere, so nothing was ` +
    "made, added or downloaded, and Boxafe keeps using the PFX it has."
  );
}

/** The verify step's data for a kept certificate: no rows (nothing was proven), and why. */
export function keptVerifyData(kept: KeptCertificate): VerifyData {
  return {
    complete: false,
    rows: [],
    tokens: [],
    notRun: keptNotRun,
    note:
      `The private key of ${kept.thumbprint} is not in this page. Prove it where the PFX is with ` +
      "boxafe-connect verify --certificate-file <the PEM>.",
  };
}
