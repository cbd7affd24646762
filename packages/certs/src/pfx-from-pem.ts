/**
 * A new PFX for a certificate and private key the admin already holds as PEM: what `certificate pfx`
 * gives Boxafe when the PFX an earlier run wrote has a password nobody saw (the run was stopped after
 * writing the PEM, before the password was shown). Same format as a made certificate's PFX (buildPfx),
 * with the certificate's SHA-1 as the bags' localKeyId, as makeCertificate does.
 */

import type { WebCrypto } from "./make-certificate.js";
import { buildPfx } from "./pfx.js";

function derOf(pemText: string, label: string): ArrayBuffer {
  const match = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`).exec(pemText);
  if (!match?.[1]) throw new Error(`no ${label} block in the PEM`);
  const bytes = Uint8Array.from(atob(match[1].replace(/\s+/g, "")), (c) => c.charCodeAt(0));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

export async function pfxFromPem(
  crypto: WebCrypto,
  pair: { readonly certificatePem: string; readonly privateKeyPem: string },
  password: string,
): Promise<Uint8Array> {
  if (password === "") throw new Error("pfxFromPem needs a password");
  const cert = derOf(pair.certificatePem, "CERTIFICATE");
  const pkcs8 = derOf(pair.privateKeyPem, "PRIVATE KEY");
  const sha1 = new Uint8Array(await crypto.subtle.digest("SHA-1", cert));
  return buildPfx(crypto, cert, pkcs8, password, sha1);
}
