/**
 * The certificate record: what boxafe-connect knows of an app's certificates, for the app itself
 * (an app cannot read its own registration, and removeKey names a key by the keyId Graph chose in
 * addKey). Adapters keep it beside the certificate files; this is its shape, its parse (a corrupt
 * or foreign record is refused, never ignored) and its merge. No key material ever goes in it.
 */
import { z } from "zod";

const keyRecordEntrySchema = z.strictObject({
  keyId: z.string(),
  thumbprint: z.string().regex(/^[0-9A-F]{40}$/),
  startDateTime: z.string(),
  endDateTime: z.string(),
});

export const keyRecordSchema = z.strictObject({
  version: z.literal(1),
  appId: z.string(),
  applicationObjectId: z.string(),
  keys: z.array(keyRecordEntrySchema),
});

export type KeyRecord = z.output<typeof keyRecordSchema>;
export type KeyRecordEntry = z.output<typeof keyRecordEntrySchema>;

export type KeyRecordParse =
  | { readonly ok: true; readonly record: KeyRecord }
  | { readonly ok: false; readonly reason: string };

export function parseKeyRecord(text: string, appId: string): KeyRecordParse {
  if (/-----BEGIN|PRIVATE KEY/.test(text))
    return { ok: false, reason: "it holds key material; a record never does" };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: "it is not valid JSON" };
  }
  const parsed = keyRecordSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `${issue?.path.join(".") || "file"}: ${issue?.message ?? "wrong shape"}` };
  }
  if (parsed.data.appId !== appId)
    return { ok: false, reason: `it records the app ${parsed.data.appId}, not ${appId}` };
  return { ok: true, record: parsed.data };
}

/** The record with `entries` added or replaced (one entry per thumbprint). */
export function mergeKeyRecord(
  app: { readonly appId: string; readonly applicationObjectId: string },
  existing: readonly KeyRecordEntry[],
  entries: readonly KeyRecordEntry[],
): KeyRecord {
  const byThumbprint = new Map(existing.map((k) => [k.thumbprint, k]));
  for (const entry of entries) byThumbprint.set(entry.thumbprint, entry);
  return {
    version: 1,
    appId: app.appId,
    applicationObjectId: app.applicationObjectId,
    keys: [...byThumbprint.values()],
  };
}
