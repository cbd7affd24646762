/**
 * A client assertion signed with the app's certificate key, where the key lives (a browser's WebCrypto
 * or Node's): the format of Microsoft identity platform "Certificate credentials"
 * (https://learn.microsoft.com/entra/identity-platform/certificate-credentials): RS256 with the
 * certificate's x5t (SHA-1) and x5t#S256 in the header; aud = the token endpoint, iss = sub = the
 * client id, a fresh jti, nbf = iat = now and exp at most 10 minutes later. The key is only used here;
 * the returned JWT is all that travels.
 */
import { importPKCS8, SignJWT } from "jose";
import { toBase64Url } from "./der-text.js";
import type { WebCrypto } from "./make-certificate.js";

export interface ClientAssertionRequest {
  /** PKCS#8 PEM of the certificate's private key. */
  readonly privateKeyPem: string;
  /** Base64 DER of the certificate registered on the app. */
  readonly derBase64: string;
  readonly clientId: string;
  /** The tenant's v2.0 token endpoint, e.g. https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token. */
  readonly audience: string;
  readonly nowSeconds: number;
  /** Default and most: 600. */
  readonly lifetimeSeconds?: number;
}

export async function signClientAssertion(
  crypto: WebCrypto,
  request: ClientAssertionRequest,
): Promise<string> {
  const der = Uint8Array.from(atob(request.derBase64), (ch) => ch.charCodeAt(0));
  const [sha1, sha256, key] = await Promise.all([
    crypto.subtle.digest("SHA-1", der),
    crypto.subtle.digest("SHA-256", der),
    importPKCS8(request.privateKeyPem, "RS256"),
  ]);
  const lifetime = Math.min(request.lifetimeSeconds ?? 600, 600);
  return new SignJWT({})
    .setProtectedHeader({
      alg: "RS256",
      typ: "JWT",
      x5t: toBase64Url(new Uint8Array(sha1)),
      "x5t#S256": toBase64Url(new Uint8Array(sha256)),
    })
    .setIssuer(request.clientId)
    .setSubject(request.clientId)
    .setAudience(request.audience)
    .setJti(crypto.randomUUID())
    .setIssuedAt(request.nowSeconds)
    .setNotBefore(request.nowSeconds)
    .setExpirationTime(request.nowSeconds + lifetime)
    .sign(key);
}
