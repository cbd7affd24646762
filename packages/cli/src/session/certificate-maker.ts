/**
 * Core's certificate maker port in Node: a self-signed certificate from @boxafe-connect/certs (WebCrypto) with
 * a PFX protected by BOXAFE_PFX_PASSWORD or a generated password (shown once), and, when the
 * command has one, the certificate the admin already holds (`held`: core reuses it instead of
 * making a key pair). Private parts are redacted from every log line as soon as they exist.
 */
import { randomBytes } from "node:crypto";
import { type CreatedCertificate, makeCertificate as makeSelfSigned } from "@boxafe-connect/certs";
import type { CertificateMaker } from "@boxafe-connect/core";
import type { HeldCertificate } from "../files/held-certificate.js";
import type { Io } from "../target/resolve-target.js";

export interface MadeCertificate extends CreatedCertificate {
  readonly source: "made";
  readonly pfxPassword: string;
  /** True when we generated the password (it must be shown once). */
  readonly generatedPassword: boolean;
}

/** The certificate a command ends with: a new key pair (write its files) or the admin's own. */
export type AppCertificate = MadeCertificate | HeldCertificate;

async function make(io: Io, request: Parameters<CertificateMaker["make"]>[0]): Promise<MadeCertificate> {
  const given = io.env.BOXAFE_PFX_PASSWORD;
  const pfxPassword = given && given !== "" ? given : randomBytes(18).toString("base64url");
  io.out.redactor.protect(pfxPassword);
  const created = await makeSelfSigned(globalThis.crypto, { ...request, pfxPassword });
  io.out.redactor.protect(created.privateKeyPem);
  return { ...created, source: "made", pfxPassword, generatedPassword: !given };
}

/** Makes new key pairs only (certificate rotate: a rotation always needs a new one). */
export function certificateMaker(io: Io): CertificateMaker<MadeCertificate> {
  return { make: (request) => make(io, request) };
}

/** Reuses what `held` finds for the app, makes a key pair otherwise (setup, sharepoint). */
export function appCertificates(
  io: Io,
  held: (appId: string | undefined) => Promise<HeldCertificate | undefined>,
): CertificateMaker<AppCertificate> {
  return { make: (request) => make(io, request), held };
}
