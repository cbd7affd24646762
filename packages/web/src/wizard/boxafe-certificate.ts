/**
 * The certificate Boxafe 1.5 or later is handed (core's boxafe/version.ts), made in this browser on
 * WebCrypto (@boxafe-connect/certs, loaded on demand). The PFX password is random (WebCrypto) and
 * shown beside the PFX download, since Boxafe's Add new Domain window asks for both; the private
 * key and the password stay in this page's memory and are never uploaded or saved.
 */
import type { CertificateMaker, MadeCertificate } from "@boxafe-connect/core";

export interface PageCertificate extends MadeCertificate {
  readonly pfx: Uint8Array;
  readonly pfxPassword: string;
}

// No look-alikes (0/O, 1/l/I): the admin may type the password into Boxafe by hand.
const ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** 20 characters of a 56-letter alphabet: about 116 bits. */
export function pfxPassword(crypto: Pick<Crypto, "getRandomValues">, length = 20): string {
  let out = "";
  // Rejection sampling keeps every letter equally likely (256 is not a multiple of 56).
  const limit = 256 - (256 % ALPHABET.length);
  while (out.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < limit && out.length < length) out += ALPHABET[byte % ALPHABET.length];
    }
  }
  return out;
}

/** Core's certificate port in the page: a new key pair each time (the page holds no earlier files). */
export function pageCertificateMaker(crypto: Crypto): CertificateMaker<PageCertificate> {
  return {
    async make(request) {
      const password = pfxPassword(crypto);
      // The certificate code (x509, pkijs) is large; it loads only when a certificate is asked for.
      const { makeCertificate } = await import("@boxafe-connect/certs");
      const made = await makeCertificate(crypto, { ...request, pfxPassword: password });
      return { ...made, pfxPassword: password };
    },
  };
}
