/**
 * The hand-over: the three values Boxafe's "Add new Domain" window asks for, plus the secret's
 * expiry. Shown once; optionally written to a 0600 file.
 */
import type { Style } from "../style.js";
import { writePrivateFile } from "./private-file.js";

export interface HandOverValues {
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret?: string;
  readonly secretExpiresAt?: string;
  readonly certificateThumbprint?: string;
}

/** The values for one app; the secret's only when one was made now. */
export function handOverValues(
  tenantId: string,
  clientId: string,
  secret: { readonly secretText: string; readonly endDateTime: string } | undefined,
): HandOverValues {
  return {
    tenantId,
    clientId,
    ...(secret ? { clientSecret: secret.secretText, secretExpiresAt: secret.endDateTime } : {}),
  };
}

export const shownOnlyNowWarning =
  "The client secret is shown only now: copy it into Boxafe (or a password manager) before you close this window.";

export function handOverLines(values: HandOverValues, style: Style): string[] {
  const rows: [string, string][] = [
    ["Application (client) ID", values.clientId],
    ["Directory (tenant) ID", values.tenantId],
  ];
  if (values.clientSecret) rows.push(["Client secret", values.clientSecret]);
  if (values.secretExpiresAt) rows.push(["Secret expires", values.secretExpiresAt.slice(0, 10)]);
  if (values.certificateThumbprint) rows.push(["Certificate thumbprint", values.certificateThumbprint]);
  return rows.map(([label, value]) => `${`${label}:`.padEnd(25)}${style.bold(value)}`);
}

export function handOverFileText(values: HandOverValues): string {
  return [
    "# QNAP Boxafe: values for Add new Domain (keep this file private)",
    `Application (client) ID: ${values.clientId}`,
    `Directory (tenant) ID: ${values.tenantId}`,
    ...(values.clientSecret ? [`Client secret: ${values.clientSecret}`] : []),
    ...(values.secretExpiresAt ? [`Secret expires: ${values.secretExpiresAt}`] : []),
    ...(values.certificateThumbprint ? [`Certificate thumbprint: ${values.certificateThumbprint}`] : []),
    "",
  ].join("\n");
}

/** Refuses to overwrite an existing file, so an earlier secret is never lost by accident. */
export async function writeHandOverFile(path: string, values: HandOverValues): Promise<void> {
  await writePrivateFile(path, handOverFileText(values), { overwrite: false });
}
