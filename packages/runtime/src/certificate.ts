/**
 * Node's entry to the certificate maker: the same code as `@boxafe-connect/runtime/certificate`
 * (./make-certificate.ts), run on Node's WebCrypto.
 */
import { webcrypto } from "node:crypto";
import type { CertificateOptions, CreatedCertificate, WebCrypto } from "./make-certificate.js";
import { makeCertificate } from "./make-certificate.js";

export type { CertificateOptions, CreatedCertificate };

export function createCertificate(options: CertificateOptions): Promise<CreatedCertificate> {
  return makeCertificate(webcrypto as WebCrypto, options);
}
