import "reflect-metadata";
import { createHash, webcrypto } from "node:crypto";
import * as x509 from "@peculiar/x509";

x509.cryptoProvider.set(webcrypto as never);

export interface TestCert {
  /** base64 DER, as uploaded in keyCredentials[].key */
  der: string;
  privateKeyPem: string;
  thumbprintSha256: string;
}

/** A self-signed RSA certificate for client assertions (what `createCertificate` in runtime makes). */
export async function makeCert(days = 2, notBefore = new Date(Date.now() - 60_000)): Promise<TestCert> {
  const alg = {
    name: "RSASSA-PKCS1-v1_5",
    hash: "SHA-256",
    publicExponent: new Uint8Array([1, 0, 1]),
    modulusLength: 2048,
  };
  const keys = await webcrypto.subtle.generateKey(alg, true, ["sign", "verify"]);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: "01",
    name: "CN=QNAP Boxafe test",
    notBefore,
    notAfter: new Date(notBefore.getTime() + days * 86_400_000),
    keys,
    signingAlgorithm: alg,
  });
  const der = Buffer.from(cert.rawData);
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey("pkcs8", keys.privateKey)).toString("base64");
  return {
    der: der.toString("base64"),
    privateKeyPem: `-----BEGIN PRIVATE KEY-----\n${pkcs8.replace(/(.{64})/g, "$1\n").trimEnd()}\n-----END PRIVATE KEY-----\n`,
    thumbprintSha256: createHash("sha256").update(der).digest("hex"),
  };
}
