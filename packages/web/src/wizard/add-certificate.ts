/**
 * SharePoint's modern path from the browser: core's certificate use case (the CLI's `sharepoint`
 * runs the same), with a maker that makes the key pair here on window.crypto
 * (@boxafe-connect/certs, loaded on demand); the private key stays in this page's memory for the
 * downloads.
 */
import type { AdminPorts, AppTokenPort, CloudEndpoints, PendingHandOver } from "@boxafe-connect/core";
import {
  addCertificate as addCertificateUseCase,
  CoreError,
  certificateUseCaseRequestSchema,
  parseRequest,
} from "@boxafe-connect/core";
import type { CertificateMade } from "../components/certificate-panel.js";

export interface AddCertificateInput {
  readonly appId: string;
  readonly pfxPassword: string;
  /** The browser's WebCrypto (window.crypto): the key pair is made and kept here. */
  readonly crypto: typeof globalThis.crypto;
  readonly deps: AdminPorts;
  readonly cloud: CloudEndpoints;
}

/**
 * The page never redeems a credential itself (Entra refuses client-credentials redemption from a
 * browser for a non-SPA client, AADSTS9002326): the use case's token proof of the new certificate
 * is reported as not run, and `boxafe-connect verify --certificate-file` proves it.
 */
export const noBrowserRedemption: AppTokenPort = {
  async acquire() {
    throw new CoreError(
      "invalid_input",
      "This page does not ask for app tokens; prove the certificate with boxafe-connect verify --certificate-file.",
      { field: "credential" },
    );
  },
};

/** The certificate with its key for the downloads, and the pending mark its hand-over clears. */
export interface AddedCertificate {
  readonly certificate: CertificateMade;
  /**
   * Shown is not held (held-rule.ts): the caller confirms this (core's `handedOver`) only once a PEM
   * or PFX was downloaded or the admin said it is saved. Until then a reload leaves the mark, and
   * the tenant counts the certificate unheld.
   */
  readonly handOver: PendingHandOver | undefined;
}

export async function addCertificate(input: AddCertificateInput): Promise<AddedCertificate> {
  if (input.pfxPassword === "") {
    throw new CoreError("invalid_input", "Choose a password for the PFX file.", { field: "pfxPassword" });
  }
  const request = parseRequest(certificateUseCaseRequestSchema, { appId: input.appId });
  const certificates = {
    async make(certificate: { readonly subject: string; readonly days: number }) {
      // The certificate code (x509, pkijs) is large; it loads only when a certificate is asked for.
      const { makeCertificate } = await import("@boxafe-connect/certs");
      return makeCertificate(input.crypto, { ...certificate, pfxPassword: input.pfxPassword });
    },
  };
  const outcome = await addCertificateUseCase(
    { ...input.deps, proof: { appToken: noBrowserRedemption, cloud: input.cloud }, certificates },
    request,
  );
  const made = outcome.certificate;
  return {
    certificate: {
      thumbprint: made.thumbprint,
      notAfter: made.notAfter,
      pem: `${made.certificatePem.trim()}\n${made.privateKeyPem.trim()}\n`,
      pfx: made.pfx,
      fileName: `boxafe-${input.appId.slice(0, 8)}-sharepoint`,
    },
    handOver: outcome.handOver,
  };
}
