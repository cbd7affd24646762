/**
 * The fleet's credential store on disk: a 0700 folder with one 0700 folder per tenant and one 0600
 * JSON file per credential (`<thumbprint>.json` for a certificate with its private key and PFX,
 * `secret-<keyId>.json` for a Boxafe 1.4 secret). Files are created exclusively, never overwritten:
 * a rotation adds a file, and only `drop` (after retire) removes one. Default location:
 * $XDG_DATA_HOME/boxafe-connect/fleet-credentials (~/.local/share/...).
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { CoreError, type CredentialStore, type MadeCertificate } from "@boxafe-connect/core";
import { writePrivateFile } from "../files/private-file.js";

export interface StoredCertificate extends MadeCertificate {
  /** Base64 PKCS#12 with the password in `pfxPassword` (what Boxafe 1.5's Add new Domain takes). */
  readonly pfxBase64?: string;
  readonly pfxPassword?: string;
}

export function defaultCredentialDir(env: Readonly<Record<string, string | undefined>>): string {
  const base =
    env.XDG_DATA_HOME && env.XDG_DATA_HOME !== "" ? env.XDG_DATA_HOME : join(homedir(), ".local", "share");
  return join(base, "boxafe-connect", "fleet-credentials");
}

/** A tenant key (a GUID or a domain, lower-cased) as a folder name: nothing that could climb out. */
function folderOf(key: string): string {
  const safe = key.replace(/[^a-z0-9.-]/g, "_");
  if (safe === "" || safe === "." || safe === "..") throw new Error(`not a tenant key: ${key}`);
  return safe;
}

export interface FsCredentialStore extends CredentialStore<StoredCertificate> {
  readonly dir: string;
  /** Creates the folder (0700) and proves a file can be written there: called before any sign-in. */
  ensureWritable(): Promise<void>;
}

export function fsCredentialStore(dir: string): FsCredentialStore {
  const tenantDir = (key: string) => join(dir, folderOf(key));
  const certificates = async (key: string): Promise<StoredCertificate[]> => {
    const names = await readdir(tenantDir(key)).catch(() => [] as string[]);
    const found: StoredCertificate[] = [];
    for (const name of names.filter((n) => /^[0-9A-F]{40}\.json$/.test(n))) {
      found.push(JSON.parse(await readFile(join(tenantDir(key), name), "utf8")) as StoredCertificate);
    }
    return found.sort((a, b) => Date.parse(b.notAfter) - Date.parse(a.notAfter));
  };
  return {
    dir,
    async ensureWritable() {
      try {
        await mkdir(dir, { recursive: true, mode: 0o700 });
        const probe = join(dir, `.probe-${process.pid}`);
        await writeFile(probe, "", { mode: 0o600 });
        await rm(probe, { force: true });
      } catch (error) {
        throw new CoreError("invalid_input", `The credential store ${dir} is not a writable folder.`, {
          field: "store",
          cause: error,
        });
      }
    },
    current: async (key) => (await certificates(key))[0],
    all: certificates,
    async save(key, certificate) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      // Written under a temporary name first and renamed: a reader never sees half a key.
      const final = join(tenantDir(key), `${certificate.thumbprint}.json`);
      const partial = `${final}.partial`;
      await writePrivateFile(partial, `${JSON.stringify(certificate)}\n`, { overwrite: true });
      await rename(partial, final);
    },
    async saveSecret(key, secret) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await writePrivateFile(
        join(tenantDir(key), `secret-${secret.keyId}.json`),
        `${JSON.stringify(secret)}\n`,
        {
          overwrite: false,
        },
      );
    },
    async drop(key, thumbprint) {
      await rm(join(tenantDir(key), `${thumbprint.toUpperCase()}.json`), { force: true });
    },
  };
}
