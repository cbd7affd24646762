import { createHash, createPublicKey, type KeyObject, type webcrypto } from "node:crypto";
import { exportJWK, importPKCS8, type JWK, type JWTPayload, jwtVerify, SignJWT } from "jose";

type CryptoKey = webcrypto.CryptoKey;

/** Signs and verifies the tenant's RS256 tokens with one key, published in the JWKS. */
export class Signer {
  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly publicKey: KeyObject,
    readonly kid: string,
    readonly jwk: JWK,
  ) {}

  static async fromPkcs8(pem: string): Promise<Signer> {
    const privateKey = (await importPKCS8(pem, "RS256")) as CryptoKey;
    const publicKey = createPublicKey(pem);
    const jwk = await exportJWK(publicKey);
    const kid = createHash("sha256").update(`${jwk.n}.${jwk.e}`).digest("base64url").slice(0, 27);
    return new Signer(privateKey, publicKey, kid, {
      kty: "RSA",
      n: jwk.n,
      e: jwk.e,
      kid,
      use: "sig",
      alg: "RS256",
    });
  }

  sign(claims: JWTPayload): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: this.kid })
      .sign(this.privateKey);
  }

  /** Verifies the signature only; callers check exp/aud themselves to answer with Graph's exact errors. */
  async verify(token: string): Promise<JWTPayload> {
    const { payload } = await jwtVerify(token, this.publicKey, {
      algorithms: ["RS256"],
      clockTolerance: Number.MAX_SAFE_INTEGER,
    });
    return payload;
  }
}
