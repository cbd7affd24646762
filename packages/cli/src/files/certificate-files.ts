/** Writes <base>.pem (certificate + private key, 0600), <base>.cer (public) and <base>.pfx (0600). */
import { writeFile } from "node:fs/promises";
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
  await writePrivateFile(files.pem, `${made.certificatePem.trim()}\n${made.privateKeyPem.trim()}\n`, {
    overwrite: false,
  });
  await writeFile(files.cer, `${made.certificatePem.trim()}\n`, { flag: "wx" });
  await writeFile(files.pfx, made.pfx, { flag: "wx", mode: 0o600 });
  return files;
}
