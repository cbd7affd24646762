/**
 * What boxafe-connect knows of an app's certificates, kept beside their files: an app cannot read
 * its own registration (no Table 1 permission allows it), and removeKey names a key by its keyId,
 * which Graph chooses in addKey. `certificate rotate` records the current certificate (its keyId
 * follows from the thumbprint when setup added it: core's certificateKeyId, unless an earlier
 * record says otherwise) and the new one (addKey's answer); `certificate retire` reads it.
 * `boxafe-<app>-certificates.json`, mode 0600 (tenant details, no key material); a corrupt or
 * foreign file is exit 2 naming the option, never silently ignored (core's parseKeyRecord).
 */
import { rename } from "node:fs/promises";
import { join } from "node:path";
import { type KeyRecordEntry, mergeKeyRecord, parseKeyRecord } from "@boxafe-connect/core";
import { UsageError } from "../cli/usage-error.js";
import { readTextIfExists, writePrivateFile } from "./private-file.js";

export function keyRecordPath(dir: string, appId: string): string {
  return join(dir, `boxafe-${appId.slice(0, 8)}-certificates.json`);
}

/** The recorded certificates of `appId` in `dir` (none when there is no record). */
export async function readKeyRecord(
  dir: string,
  appId: string,
  option: string,
  command: string,
): Promise<readonly KeyRecordEntry[]> {
  const path = keyRecordPath(dir, appId);
  const text = await readTextIfExists(path);
  if (text === undefined) return [];
  const parsed = parseKeyRecord(text, appId);
  if (!parsed.ok)
    throw new UsageError(
      `--${option}: ${path} is not a usable certificate record (${parsed.reason}).`,
      command,
    );
  return parsed.record.keys;
}

/** Adds or updates entries (by thumbprint) and writes the record whole (temp file + rename). */
export async function writeKeyRecord(
  dir: string,
  app: { readonly appId: string; readonly applicationObjectId: string },
  existing: readonly KeyRecordEntry[],
  entries: readonly KeyRecordEntry[],
): Promise<string> {
  const path = keyRecordPath(dir, app.appId);
  const text = `${JSON.stringify(mergeKeyRecord(app, existing, entries), null, 2)}\n`;
  const temporary = `${path}.${process.pid}.tmp`;
  await writePrivateFile(temporary, text, { overwrite: true });
  await rename(temporary, path);
  return path;
}
