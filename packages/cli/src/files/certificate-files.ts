/** Writes <base>.pem (certificate + private key, 0600), <base>.cer (public) and <base>.pfx (0600). */
import { unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { MadeCertificate } from "../session/certificate-maker.js";
import { writePrivateFile } from "./private-file.js";

export interface CertificateFiles {
  readonly pem: string;
  readonly cer: string;
  readonly pfx: string;
}

export function certificateBaseName(appId: string): string {
  return `boxafe-${appId.slice(0, 8)}-sharepoint`;
}

/**
 * All three files or none: a write that fails (a full disk, a file another run made meanwhile)
 * removes the files this call created, so no empty or half-written PEM is left for the next run
 * to find (it would be refused as a broken certificate file), and rethrows.
 */
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
  const created: string[] = [];
  // "wx" creates the file before it writes: once it did not throw EEXIST, the file is ours.
  const ours = (path: string) => (error: unknown) => {
    if ((error as { code?: unknown }).code !== "EEXIST") created.push(path);
    throw error;
  };
  try {
    await writePrivateFile(files.pem, `${made.certificatePem.trim()}\n${made.privateKeyPem.trim()}\n`, {
      overwrite: false,
    }).catch(ours(files.pem));
    created.push(files.pem);
    await writeFile(files.cer, `${made.certificatePem.trim()}\n`, { flag: "wx" }).catch(ours(files.cer));
    created.push(files.cer);
    await writeFile(files.pfx, made.pfx, { flag: "wx", mode: 0o600 }).catch(ours(files.pfx));
    return files;
  } catch (error) {
    await Promise.all(created.map((path) => unlink(path).catch(() => {})));
    throw error;
  }
}

/** Why the files of a new key pair could not be written (the key then goes out inline). */
export interface CertificateFilesError {
  readonly path: string;
  readonly reason: string;
}

export type WrittenCertificate =
  | { readonly files: CertificateFiles; readonly filesError?: undefined }
  | { readonly files: null; readonly filesError: CertificateFilesError };

/**
 * The hand-over of a new key pair that is already on the app: it must reach the admin, so a write
 * that fails does not throw (that would drop the only copy of the private key); it says why, and
 * the command shows the key inline instead (`inlineCertificate`), ending with exit 6.
 */
export async function handOverCertificateFiles(
  dir: string,
  base: string,
  made: MadeCertificate,
): Promise<WrittenCertificate> {
  try {
    return { files: await writeCertificateFiles(dir, base, made) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { files: null, filesError: { path: join(dir, `${base}.pem`), reason } };
  }
}

/** The key pair itself, for the JSON document when its files could not be written. */
export function inlineCertificate(made: MadeCertificate): {
  readonly pem: string;
  readonly pfxBase64: string;
} {
  return {
    pem: `${made.certificatePem.trim()}\n${made.privateKeyPem.trim()}\n`,
    pfxBase64: Buffer.from(made.pfx).toString("base64"),
  };
}

/** The same for people: the PEM (certificate and private key) and how to make the PFX from it. */
export function inlineCertificateLines(pem: string, failed: CertificateFilesError): string[] {
  return [
    `Could not write the certificate's files (${failed.path}: ${failed.reason}). The app already has the certificate:`,
    "save this PEM (certificate and private key) now, it is shown only once and is the only copy of the key:",
    pem.trimEnd(),
    "Make the PFX for Boxafe from it: openssl pkcs12 -export -in boxafe.pem -out boxafe.pfx",
  ];
}
