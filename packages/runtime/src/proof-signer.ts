/**
 * The proof of possession for Graph addKey / removeKey, signed with jose by one of the app's current
 * certificates: RS256, header `x5t` = base64url SHA-1 thumbprint of the certificate, claims as core's
 * proofClaims builds them (learn.microsoft.com/graph/application-rollkey-prooftoken).
 */
import { createHash, X509Certificate } from "node:crypto";
import type { ProofClaims, ProofSigner } from "@boxafe-connect/core";
import { CoreError } from "@boxafe-connect/core";
import { importPKCS8, SignJWT } from "jose";

export function createProofSigner(credential: {
  readonly certificatePem: string;
  readonly privateKeyPem: string;
}): ProofSigner {
  let der: Buffer;
  try {
    der = new X509Certificate(credential.certificatePem).raw;
  } catch {
    throw new CoreError("invalid_input", "The certificate is not a PEM X.509 certificate.", {
      field: "certificate-file",
    });
  }
  const x5t = createHash("sha1").update(der).digest("base64url");
  return {
    async sign(claims: ProofClaims) {
      const key = await importPKCS8(credential.privateKeyPem, "RS256").catch(() => {
        throw new CoreError("invalid_input", "The private key is not a PKCS#8 RSA key.", {
          field: "certificate-file",
        });
      });
      return new SignJWT({ ...claims }).setProtectedHeader({ alg: "RS256", typ: "JWT", x5t }).sign(key);
    },
  };
}
