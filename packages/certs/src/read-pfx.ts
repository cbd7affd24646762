/**
 * Opens a password-protected PKCS#12 (PFX) with pkijs on the given WebCrypto: checks its integrity
 * MAC with the password, decrypts the shrouded key bag and returns the first certificate and the
 * private key as PEM (what an admin who kept only Boxafe's PFX can give `--certificate-file`).
 * Password-based privacy (PBES2, which OpenSSL 3, Windows and buildPfx write) is read; a PFX sealed
 * with a public key (privacy mode 2) or legacy RC2/3DES ciphers WebCrypto lacks is refused with a
 * reason, never guessed at.
 */
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { pem } from "./der-text.js";
import type { WebCrypto } from "./make-certificate.js";

const KEY_BAG = "1.2.840.113549.1.12.10.1.1";
const SHROUDED_KEY_BAG = "1.2.840.113549.1.12.10.1.2";
const CERT_BAG = "1.2.840.113549.1.12.10.1.3";

export interface PfxContents {
  readonly certificatePem: string;
  readonly privateKeyPem: string;
}

/** Why a PFX could not be opened: the message is safe to show (no password, no key material). */
export class PfxError extends Error {
  override readonly name = "PfxError";
}

interface DecryptsWithPassword {
  parseInternalValues(parameters: { password: ArrayBuffer }, crypto?: pkijs.ICryptoEngine): Promise<void>;
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

export async function readPfx(crypto: WebCrypto, bytes: Uint8Array, password: string): Promise<PfxContents> {
  const engine = new pkijs.CryptoEngine({
    name: "webcrypto",
    crypto: crypto as unknown as ConstructorParameters<typeof pkijs.CryptoEngine>[0]["crypto"],
  });
  const pass = toArrayBuffer(new TextEncoder().encode(password));
  const asn = asn1js.fromBER(toArrayBuffer(bytes));
  if (asn.offset === -1) throw new PfxError("it is not a PKCS#12 (PFX) file");
  let pfx: pkijs.PFX;
  try {
    pfx = new pkijs.PFX({ schema: asn.result });
  } catch {
    throw new PfxError("it is not a PKCS#12 (PFX) file");
  }
  try {
    await pfx.parseInternalValues({ password: pass, checkIntegrity: true }, engine);
  } catch {
    throw new PfxError("the password does not open it (its integrity check failed)");
  }
  const safe = pfx.parsedValue?.authenticatedSafe;
  if (safe === undefined) throw new PfxError("it holds no content");
  try {
    await safe.parseInternalValues(
      { safeContents: safe.safeContents.map(() => ({ password: pass })) },
      engine,
    );
  } catch {
    throw new PfxError("its contents are sealed with a cipher this tool cannot open; export the PEM instead");
  }
  let certificate: ArrayBuffer | undefined;
  let key: ArrayBuffer | undefined;
  for (const content of safe.parsedValue?.safeContents ?? []) {
    if (content.privacyMode === 2) throw new PfxError("it is sealed with a public key, not a password");
    for (const bag of content.value.safeBags) {
      if (bag.bagId === CERT_BAG && certificate === undefined) {
        const value = bag.bagValue as pkijs.CertBag;
        if (value.parsedValue instanceof pkijs.Certificate)
          certificate = value.parsedValue.toSchema().toBER(false);
      } else if (bag.bagId === SHROUDED_KEY_BAG && key === undefined) {
        const value = bag.bagValue as pkijs.PKCS8ShroudedKeyBag;
        try {
          // pkijs's own PKCS#12 example decrypts a key bag this way; its typings mark it protected.
          await (value as unknown as DecryptsWithPassword).parseInternalValues({ password: pass }, engine);
        } catch {
          throw new PfxError(
            "its private key is sealed with a cipher this tool cannot open; export the PEM instead",
          );
        }
        key = value.parsedValue?.toSchema().toBER(false);
      } else if (bag.bagId === KEY_BAG && key === undefined) {
        key = (bag.bagValue as pkijs.PrivateKeyInfo).toSchema().toBER(false);
      }
    }
  }
  if (certificate === undefined) throw new PfxError("it holds no certificate");
  if (key === undefined) throw new PfxError("it holds no private key");
  return { certificatePem: pem("CERTIFICATE", certificate), privateKeyPem: pem("PRIVATE KEY", key) };
}
