/**
 * A self-signed certificate for SharePoint app-only access: made by @boxafe-connect/certs (WebCrypto), its public
 * part planned into keyCredentials by core, its files written here (private ones 0600).
 */
import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type CreatedCertificate, makeCertificate as makeSelfSigned } from "@boxafe-connect/certs";
import type { CertificateRequest, DesiredOptions } from "@boxafe-connect/core";
import { CoreError, certificateRequestFor, DEFAULT_CERTIFICATE_DAYS } from "@boxafe-connect/core";
import type { CommandContext } from "../command-context.js";
import { stringOption } from "../command-context.js";
import { writePrivateFile } from "../files/private-file.js";

export interface MadeCertificate {
  readonly created: CreatedCertificate;
  readonly pfxPassword: string;
  /** True when we generated the password (it must be shown once). */
  readonly generatedPassword: boolean;
}

export interface CertificateFiles {
  readonly pem: string;
  readonly cer: string;
  readonly pfx: string;
}

/** --cert-days (default DEFAULT_CERTIFICATE_DAYS), checked by core's certificateRequestFor. */
export function certificateDaysOf(context: CommandContext, appName: string): number {
  return certificateRequest(context, appName).days;
}

function certificateRequest(context: CommandContext, appName: string, days?: number): CertificateRequest {
  const raw = stringOption(context, "cert-days");
  try {
    // Core holds the allowed lifetime; the message names our flag.
    return certificateRequestFor(
      appName,
      days ?? (raw === undefined ? DEFAULT_CERTIFICATE_DAYS : Number(raw)),
    );
  } catch {
    throw new CoreError("invalid_input", "--cert-days must be a whole number of days from 1 to 1095.", {
      field: "cert-days",
    });
  }
}

/** `days` overrides --cert-days when the tenant's policy caps certificate lifetimes (preflight's choice). */
export async function makeCertificate(
  context: CommandContext,
  appName: string,
  days?: number,
): Promise<MadeCertificate> {
  const request = certificateRequest(context, appName, days);
  const given = context.env.BOXAFE_PFX_PASSWORD;
  const pfxPassword = given && given !== "" ? given : randomBytes(18).toString("base64url");
  context.out.redactor.protect(pfxPassword);
  const created = await makeSelfSigned(globalThis.crypto, { ...request, pfxPassword });
  context.out.redactor.protect(created.privateKeyPem);
  return { created, pfxPassword, generatedPassword: !given };
}

export function desiredCertificate(made: MadeCertificate): NonNullable<DesiredOptions["certificate"]> {
  return {
    displayName: "boxafe-connect SharePoint",
    derBase64: made.created.derBase64,
    thumbprint: made.created.thumbprint,
    endDateTime: made.created.notAfter,
  };
}

/** Writes <base>.pem (certificate + private key, 0600), <base>.cer (public) and <base>.pfx (0600). */
export async function writeCertificateFiles(
  dir: string,
  base: string,
  made: MadeCertificate,
): Promise<CertificateFiles> {
  const files = {
    pem: join(dir, `${base}.pem`),
    cer: join(dir, `${base}.cer`),
    pfx: join(dir, `${base}.pfx`),
  };
  await writePrivateFile(
    files.pem,
    `${made.created.certificatePem.trim()}\n${made.created.privateKeyPem.trim()}\n`,
    {
      overwrite: false,
    },
  );
  await writeFile(files.cer, `${made.created.certificatePem.trim()}\n`, { flag: "wx" });
  await writeFile(files.pfx, made.created.pfx, { flag: "wx", mode: 0o600 });
  return files;
}
