/**
 * The certificate a setup kept (core's chooseCertificate "kept"): the app already holds a valid one
 * of ours from an earlier run, so nothing was made, added or written, and no proof could run here.
 * The words are core's (keptCertificateWords), shared with every front end.
 */
import type { KeptCertificate } from "@boxafe-connect/core";
import { keptCertificateWords } from "@boxafe-connect/core";

export { KEPT_NOT_RUN } from "@boxafe-connect/core";

export function keptCertificateLines(kept: KeptCertificate, clientId: string): string[] {
  const words = keptCertificateWords(kept, clientId);
  return [words.summary, `  ${words.nothing}`, `  ${words.prove}`, `  ${words.renew}`];
}
