// reflect-metadata must load before @peculiar/x509 (its DI container reads decorator metadata).
import "reflect-metadata";
/**
 * A self-signed X.509 certificate for the app (client assertion; SharePoint app-only needs one):
 * RSA 2048 / SHA-256 made with the WebCrypto it is given and @peculiar/x509, returned as PEM
 * (certificate, PKCS#8 key) and as a password-protected PKCS#12 (PFX) for Boxafe or Windows.
 * Imports nothing from node:, so a browser makes the key pair itself and the key never leaves it;
 * Node passes its `globalThis.crypto`.
 */
import * as x509 from "@peculiar/x509";
import { pem, toBase64, toBase64Url, toHex } from "./der-text.js";
import { buildPfx } from "./pfx.js";

/** WebCrypto: `window.crypto` in a browser, `globalThis.crypto` (node:crypto's `webcrypto`) in Node. */
export type WebCrypto = typeof globalThis.crypto;

export interface CertificateOptions {
  /** Common name, e.g. "QNAP Boxafe"; becomes CN=... */
  readonly subject: string;
  readonly days: number;
  /** Protects the PFX; the PEM private key is returned unencrypted (write it with mode 0600). */
  readonly pfxPassword: string;
  readonly now?: Date;
}

export interface CreatedCertificate {
  readonly certificatePem: string;
  readonly privateKeyPem: string;
  readonly pfx: Uint8Array;
  /** Base64 DER of the certificate: the `key` of a keyCredential. */
  readonly derBase64: string;
  /** SHA-1 of the DER, upper-case hex (the portal's "Thumbprint"). */
  readonly thumbprint: string;
  /** Base64url SHA-256 of the DER (JWT header x5t#S256). */
  readonly x5tS256: string;
  readonly notBefore: string;
  readonly notAfter: string;
}

const ALGORITHM = {
  name: "RSASSA-PKCS1-v1_5",
  hash: "SHA-256",
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
} as const;

type X509Crypto = Parameters<typeof x509.X509CertificateGenerator.createSelfSigned>[1];

export async function makeCertificate(
  crypto: WebCrypto,
  options: CertificateOptions,
): Promise<CreatedCertificate> {
  if (!Number.isInteger(options.days) || options.days < 1 || options.days > 3650) {
    throw new RangeError("days must be a whole number from 1 to 3650");
  }
  if (options.pfxPassword === "") throw new RangeError("pfxPassword must not be empty");
  const keys = await crypto.subtle.generateKey(ALGORITHM, true, ["sign", "verify"]);
  const notBefore = new Date((options.now ?? new Date()).getTime() - 5 * 60_000);
  const notAfter = new Date(notBefore.getTime() + options.days * 86_400_000);
  const serial = crypto.getRandomValues(new Uint8Array(16));
  serial[0] = (serial[0] ?? 0) & 0x7f;
  const cert = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: toHex(serial),
      name: new x509.Name([{ CN: [options.subject] }]),
      notBefore,
      notAfter,
      signingAlgorithm: ALGORITHM,
      keys,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(
          x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment,
          true,
        ),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth]),
      ],
    },
    crypto as unknown as X509Crypto,
  );
  const der = new Uint8Array(cert.rawData);
  const pkcs8 = await crypto.subtle.exportKey("pkcs8", keys.privateKey);
  const sha1 = new Uint8Array(await crypto.subtle.digest("SHA-1", der));
  const sha256 = new Uint8Array(await crypto.subtle.digest("SHA-256", der));
  return {
    certificatePem: pem("CERTIFICATE", cert.rawData),
    privateKeyPem: pem("PRIVATE KEY", pkcs8),
    pfx: await buildPfx(crypto, cert.rawData, pkcs8, options.pfxPassword, sha1),
    derBase64: toBase64(der),
    thumbprint: toHex(sha1).toUpperCase(),
    x5tS256: toBase64Url(sha256),
    notBefore: notBefore.toISOString(),
    notAfter: notAfter.toISOString(),
  };
}
