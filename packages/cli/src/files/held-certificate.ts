/**
 * A certificate the admin already holds, read at the CLI's edge: `--certificate-file` (checked
 * before sign-in), or the `<base>.pem` an earlier run wrote into the output folder for this app.
 * Core decides what to do with it (chooseCertificate: reuse it, add its public part, never make a
 * new key when there is one); this file only reads and validates. A PEM with the certificate and
 * its PKCS#8 key is read as is; a PFX (.pfx / .p12, what Boxafe itself takes) is opened with
 * BOXAFE_PFX_PASSWORD (never a flag: it would stay in shell history).
 */
import { X509Certificate } from "node:crypto";
import { readFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { PfxError, readPfx } from "@boxafe-connect/certs";
import { CoreError } from "@boxafe-connect/core";
import { parseCertificatePem } from "../auth/read-certificate.js";
import type { Io } from "../target/resolve-target.js";
import { certificateBaseName } from "./certificate-files.js";
import { checkOutputFolder } from "./output-path.js";

/** The admin's own certificate and key (never written again: the files are theirs). */
export interface HeldCertificate {
  readonly source: "held";
  /** The PEM file it was read from. */
  readonly file: string;
  readonly derBase64: string;
  /** SHA-1 of the DER, upper-case hex: what Graph keeps as the keyCredential's customKeyIdentifier. */
  readonly thumbprint: string;
  readonly notBefore: string;
  readonly notAfter: string;
  readonly certificatePem: string;
  readonly privateKeyPem: string;
  /** No PFX password is shown for a held certificate (the admin chose it when the PFX was made). */
  readonly generatedPassword: false;
  readonly pfxPassword: "";
  /** "found": an earlier run's files in the output folder; absent for a --certificate-file. */
  readonly heldFrom?: { readonly kind: "given" | "found"; readonly file: string };
}

function refuse(field: string, message: string): never {
  throw new CoreError("invalid_input", message, { field });
}

/** A PFX as PEM text (certificate + key), opened with BOXAFE_PFX_PASSWORD. */
async function openPfx(io: Io, file: string, field: string): Promise<string> {
  const password = io.env.BOXAFE_PFX_PASSWORD;
  if (password === undefined || password === "")
    refuse(
      field,
      `--${field}: ${file} is a PFX; set BOXAFE_PFX_PASSWORD to its password (or give the PEM beside it).`,
    );
  io.out.redactor.protect(password);
  const bytes = await readFile(file).catch(() => refuse(field, `--${field}: cannot read ${file}.`));
  try {
    const opened = await readPfx(globalThis.crypto, bytes, password);
    io.out.redactor.protect(opened.privateKeyPem);
    return `${opened.certificatePem}\n${opened.privateKeyPem}\n`;
  } catch (error) {
    if (error instanceof PfxError)
      refuse(field, `--${field}: cannot open the PFX ${file}: ${error.message}.`);
    throw error;
  }
}

/** Reads and checks one PEM (certificate + its private key) or PFX file; not expired. */
export async function readHeldCertificate(
  io: Io,
  file: string,
  field: string,
  now: number,
): Promise<HeldCertificate> {
  const text = [".pfx", ".p12"].includes(extname(file).toLowerCase())
    ? await openPfx(io, file, field)
    : await readFile(file, "utf8").catch(() => refuse(field, `--${field}: cannot read ${file}.`));
  let pair: { certificatePem: string; privateKeyPem: string };
  try {
    const parsed = parseCertificatePem(text, file, now);
    if (parsed.kind !== "certificate") refuse(field, `--${field}: ${file} must hold a certificate.`);
    pair = parsed;
  } catch (error) {
    // parseCertificatePem names its own flag; this one may be another (--out-dir's earlier files).
    if (error instanceof CoreError) refuse(field, `--${field}: ${error.message}`);
    throw error;
  }
  io.out.redactor.protect(pair.privateKeyPem);
  const x509 = new X509Certificate(pair.certificatePem);
  return {
    source: "held",
    file,
    derBase64: x509.raw.toString("base64"),
    thumbprint: x509.fingerprint.replace(/:/g, "").toUpperCase(),
    notBefore: new Date(x509.validFrom).toISOString(),
    notAfter: new Date(x509.validTo).toISOString(),
    certificatePem: pair.certificatePem,
    privateKeyPem: pair.privateKeyPem,
    generatedPassword: false,
    pfxPassword: "",
  };
}

export interface HeldSource {
  /** `--certificate-file`, already read and checked (before sign-in). */
  readonly given?: HeldCertificate;
  /** The folder a run writes its certificate files into: an earlier run's `<base>.pem` is reused. */
  readonly dir: string;
  /** The option that names `dir`, for messages. */
  readonly option: string;
  readonly command: string;
}

/**
 * Core's `held(appId)` for the CLI: the given file, else the `<base>.pem` an earlier run wrote for
 * this app in `dir`. When there is none, the new files' names are checked now (after the tenant
 * read, before any write), so a new key pair can always be written once the tenant has it.
 */
export function heldCertificates(io: Io, source: HeldSource) {
  return async (appId: string | undefined): Promise<HeldCertificate | undefined> => {
    if (source.given) return source.given;
    if (appId === undefined) return undefined;
    const base = certificateBaseName(appId);
    const pem = join(source.dir, `${base}.pem`);
    const existing = await readFile(pem, "utf8").then(
      () => true,
      () => false,
    );
    if (existing) {
      const found = await readHeldCertificate(io, pem, source.option, Date.now());
      // Files found here (not named by the admin): core will not re-add them once the app moved on.
      return { ...found, heldFrom: { kind: "found", file: pem } };
    }
    await checkOutputFolder(
      source.dir,
      [`${base}.pem`, `${base}.cer`, `${base}.pfx`],
      source.option,
      source.command,
    );
    return undefined;
  };
}
