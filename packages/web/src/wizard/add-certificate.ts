/**
 * SharePoint's modern path from the browser: make a self-signed certificate here (WebCrypto, loaded
 * on demand), add its public part to the app through core's plan and executor (the CLI's
 * `sharepoint` does the same), and keep the private key in this page's memory for the downloads.
 */
import type { GraphPort, RuntimePorts } from "@boxafe-connect/core";
import {
  apply,
  boxafeProfile,
  CoreError,
  certificateOption,
  certificateRequestFor,
  confirmHandOver,
  desiredFrom,
  observe,
  plan,
  resolveProfile,
} from "@boxafe-connect/core";
import type { CertificateMade } from "../components/certificate-panel.js";

export interface AddCertificateInput {
  readonly appId: string;
  readonly pfxPassword: string;
  /** The browser's WebCrypto (window.crypto): the key pair is made and kept here. */
  readonly crypto: typeof globalThis.crypto;
  readonly deps: RuntimePorts & { readonly graph: GraphPort };
}

export async function addCertificate(input: AddCertificateInput): Promise<CertificateMade> {
  if (input.pfxPassword === "") {
    throw new CoreError("invalid_input", "Choose a password for the PFX file.", { field: "pfxPassword" });
  }
  const appKey = { appId: input.appId };
  const observed = await observe(input.deps, appKey);
  const subject = observed.application?.displayName ?? "QNAP Boxafe";
  const request = certificateRequestFor(subject);
  // The certificate code (x509, pkijs) is large; it loads only when a certificate is asked for.
  const { makeCertificate } = await import("@boxafe-connect/certs");
  const made = await makeCertificate(input.crypto, { ...request, pfxPassword: input.pfxPassword });
  const now = input.deps.clock.now();
  const desired = desiredFrom(
    resolveProfile(boxafeProfile),
    { appKey, displayName: subject, certificate: certificateOption(made, request.subject) },
    now,
  );
  const applied = await apply(input.deps, plan(desired, observed, now), observed);
  // The key pair goes back to the page for download right away: that is the hand-over.
  if (applied.handOver !== undefined) await confirmHandOver(input.deps, applied.handOver);
  return {
    thumbprint: made.thumbprint,
    notAfter: made.notAfter,
    pem: `${made.certificatePem.trim()}\n${made.privateKeyPem.trim()}\n`,
    pfx: made.pfx,
    fileName: `boxafe-${input.appId.slice(0, 8)}-sharepoint`,
  };
}
