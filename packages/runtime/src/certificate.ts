import "reflect-metadata";
/**
 * A self-signed X.509 certificate for the app (client assertion; SharePoint app-only needs one):
 * RSA 2048 / SHA-256 made with Node's WebCrypto and @peculiar/x509, returned as PEM (certificate,
 * PKCS#8 key) and as a password-protected PKCS#12 (PFX, via pkijs) for Boxafe or Windows.
 */
import { createHash, webcrypto } from "node:crypto";
import * as x509 from "@peculiar/x509";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";

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

const crypto = webcrypto;
x509.cryptoProvider.set(crypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);
pkijs.setEngine(
  "node-webcrypto",
  new pkijs.CryptoEngine({
    name: "node-webcrypto",
    crypto: crypto as unknown as ConstructorParameters<typeof pkijs.CryptoEngine>[0]["crypto"],
  }),
);

function pem(label: string, der: ArrayBuffer): string {
  const body = Buffer.from(der)
    .toString("base64")
    .replace(/(.{64})/g, "$1\n")
    .trim();
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

async function buildPfx(
  certDer: ArrayBuffer,
  pkcs8: ArrayBuffer,
  password: string,
  localKeyId: Buffer,
): Promise<Uint8Array> {
  const pass = toArrayBuffer(new TextEncoder().encode(password));
  const keyIdAttr = () =>
    new pkijs.Attribute({
      type: "1.2.840.113549.1.9.21",
      values: [new asn1js.OctetString({ valueHex: toArrayBuffer(localKeyId) })],
    });
  const encryption = {
    password: pass,
    contentEncryptionAlgorithm: { name: "AES-CBC", length: 256 } as const,
    hmacHashAlgorithm: "SHA-256",
    iterationCount: 2048,
  };
  const keyBag = new pkijs.PKCS8ShroudedKeyBag({ parsedValue: pkijs.PrivateKeyInfo.fromBER(pkcs8) });
  await keyBag.makeInternalValues(encryption);
  const pfx = new pkijs.PFX({
    parsedValue: {
      integrityMode: 0,
      authenticatedSafe: new pkijs.AuthenticatedSafe({
        parsedValue: {
          safeContents: [
            {
              privacyMode: 0,
              value: new pkijs.SafeContents({
                safeBags: [
                  new pkijs.SafeBag({
                    bagId: "1.2.840.113549.1.12.10.1.2",
                    bagValue: keyBag,
                    bagAttributes: [keyIdAttr()],
                  }),
                ],
              }),
            },
            {
              privacyMode: 1,
              value: new pkijs.SafeContents({
                safeBags: [
                  new pkijs.SafeBag({
                    bagId: "1.2.840.113549.1.12.10.1.3",
                    bagValue: new pkijs.CertBag({ parsedValue: pkijs.Certificate.fromBER(certDer) }),
                    bagAttributes: [keyIdAttr()],
                  }),
                ],
              }),
            },
          ],
        },
      }),
    },
  });
  const safe = pfx.parsedValue?.authenticatedSafe;
  if (safe === undefined) throw new Error("PFX assembly failed");
  await safe.makeInternalValues({ safeContents: [{}, encryption] });
  await pfx.makeInternalValues({
    password: pass,
    iterations: 100_000,
    pbkdf2HashAlgorithm: { name: "SHA-256" },
    hmacHashAlgorithm: "SHA-256",
  });
  return new Uint8Array(pfx.toSchema().toBER(false));
}

export async function createCertificate(options: CertificateOptions): Promise<CreatedCertificate> {
  if (!Number.isInteger(options.days) || options.days < 1 || options.days > 3650) {
    throw new RangeError("days must be a whole number from 1 to 3650");
  }
  const keys = (await crypto.subtle.generateKey(ALGORITHM, true, [
    "sign",
    "verify",
  ])) as webcrypto.CryptoKeyPair;
  const notBefore = new Date((options.now ?? new Date()).getTime() - 5 * 60_000);
  const notAfter = new Date(notBefore.getTime() + options.days * 86_400_000);
  const serial = Buffer.from(crypto.getRandomValues(new Uint8Array(16)));
  serial[0] = (serial[0] ?? 0) & 0x7f;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial.toString("hex"),
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
  });
  const der = Buffer.from(cert.rawData);
  const pkcs8 = await crypto.subtle.exportKey("pkcs8", keys.privateKey);
  const sha1 = createHash("sha1").update(der).digest();
  return {
    certificatePem: pem("CERTIFICATE", cert.rawData),
    privateKeyPem: pem("PRIVATE KEY", pkcs8),
    pfx: await buildPfx(cert.rawData, pkcs8, options.pfxPassword, sha1),
    derBase64: der.toString("base64"),
    thumbprint: sha1.toString("hex").toUpperCase(),
    x5tS256: createHash("sha256").update(der).digest("base64url"),
    notBefore: notBefore.toISOString(),
    notAfter: notAfter.toISOString(),
  };
}
