/**
 * A password-protected PKCS#12 (PFX) with the certificate and its private key, built with pkijs on
 * the given WebCrypto: AES-256-CBC shrouded key, PBKDF2/HMAC-SHA-256 integrity (what Windows and
 * OpenSSL 3 open).
 */
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import type { WebCrypto } from "./make-certificate.js";

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/**
 * The MAC's PKCS#12 key derivation (RFC 7292 appendix B) runs in pkijs's pure-JS SHA-256, not in WebCrypto:
 * 100,000 iterations cost about 350 ms of CPU per PFX, most of `fleet setup`'s client CPU (a profile of 30
 * tenants: 10.5 s of 18.5 s). 2048 is OpenSSL's default for the MAC and the key (PKCS12_DEFAULT_ITER,
 * https://docs.openssl.org/3.0/man3/PKCS12_create/) and equals the shrouded key bag's PBKDF2 count below, so a
 * password guesser's cheapest path costs what it did before: the key bag was never behind 100,000 iterations.
 */
const ITERATIONS = 2048;

export async function buildPfx(
  crypto: WebCrypto,
  certDer: ArrayBuffer,
  pkcs8: ArrayBuffer,
  password: string,
  localKeyId: Uint8Array,
): Promise<Uint8Array> {
  const engine = new pkijs.CryptoEngine({
    name: "webcrypto",
    crypto: crypto as unknown as ConstructorParameters<typeof pkijs.CryptoEngine>[0]["crypto"],
  });
  const pass = toArrayBuffer(new TextEncoder().encode(password));
  const keyIdAttr = () =>
    new pkijs.Attribute({
      type: "1.2.840.113549.1.9.21",
      values: [new asn1js.OctetString({ valueHex: toArrayBuffer(localKeyId) })],
    });
  const encryption = {
    password: pass,
    // pkijs makes the IV itself; the DOM's AesCbcParams type would demand one.
    contentEncryptionAlgorithm: { name: "AES-CBC", length: 256 } as pkijs.ContentEncryptionAlgorithm,
    hmacHashAlgorithm: "SHA-256",
    iterationCount: ITERATIONS,
  };
  const keyBag = new pkijs.PKCS8ShroudedKeyBag({ parsedValue: pkijs.PrivateKeyInfo.fromBER(pkcs8) });
  await keyBag.makeInternalValues(encryption, engine);
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
  await safe.makeInternalValues({ safeContents: [{}, encryption] }, engine);
  await pfx.makeInternalValues(
    {
      password: pass,
      iterations: ITERATIONS,
      pbkdf2HashAlgorithm: { name: "SHA-256" },
      hmacHashAlgorithm: "SHA-256",
    },
    engine,
  );
  return new Uint8Array(pfx.toSchema().toBER(false));
}
