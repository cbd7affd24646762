/**
 * `--certificate-file`: a PEM file with the app's certificate and its PKCS#8 private key, parsed
 * with node:crypto where it arrives, so a wrong file is refused with the field named before any
 * token request: not PEM, not a certificate, a key that is not the certificate's, an expired one.
 */
import { createPrivateKey, type KeyObject, X509Certificate } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { ClientCredential } from "@boxafe-connect/core";
import { CoreError } from "@boxafe-connect/core";

const FIELD = "certificate-file";

const pemBlock = (text: string, label: string): string | undefined =>
  text.match(new RegExp(`-----BEGIN ${label}-----[\\s\\S]+?-----END ${label}-----`))?.[0];

function refuse(message: string): never {
  throw new CoreError("invalid_input", message, { field: FIELD });
}

/** Checks the PEM pair; `now` (ms) is the clock the caller trusts. */
export function parseCertificatePem(text: string, file: string, now: number): ClientCredential {
  const certificatePem = pemBlock(text, "CERTIFICATE");
  const privateKeyPem = pemBlock(text, "PRIVATE KEY");
  if (!certificatePem || !privateKeyPem) {
    refuse(`${file} must hold the certificate and its private key (PKCS#8 "BEGIN PRIVATE KEY") in PEM.`);
  }
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(certificatePem);
  } catch {
    refuse(`The CERTIFICATE block in ${file} is not a valid X.509 certificate.`);
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(privateKeyPem);
  } catch {
    refuse(`The PRIVATE KEY block in ${file} is not a valid PKCS#8 private key (is it encrypted?).`);
  }
  if (key.asymmetricKeyType !== "rsa") {
    refuse(
      `The private key in ${file} is ${key.asymmetricKeyType ?? "not RSA"}; Entra client assertions here use RSA.`,
    );
  }
  if (!certificate.checkPrivateKey(key)) {
    refuse(`The private key in ${file} does not belong to its certificate (${certificate.subject}).`);
  }
  if (Date.parse(certificate.validTo) <= now) {
    refuse(`The certificate in ${file} expired on ${certificate.validTo}. Make a new one (sharepoint).`);
  }
  return { kind: "certificate", certificatePem, privateKeyPem };
}

export async function readCertificateFile(file: string, now: number): Promise<ClientCredential> {
  const text = await readFile(file, "utf8").catch(() => refuse(`Cannot read the certificate file ${file}.`));
  return parseCertificatePem(text, file, now);
}
