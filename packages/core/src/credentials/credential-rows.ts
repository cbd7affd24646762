/**
 * Every credential of an app with its days left and an expiry warning, for `check`, `secret list`
 * and the web page. Warnings come at 60, 30 and 7 days (the last one is urgent): soon enough to
 * rotate, hand over and retire in two phases without Boxafe ever holding an expired credential.
 */
import type { KeyCredential, ObservedApplication, PasswordCredential } from "../tenant/model.js";
import { isOurSecret, SECRET_MARKER } from "../tenant/secrets.js";
import { isUnheldKey, isUnheldSecret, pendingIds } from "./hand-over-marker.js";

export const EXPIRY_WARNING_DAYS = [60, 30, 7] as const;

export type ExpiryWarning = "expired" | "7-days" | "30-days" | "60-days";

export interface CredentialRow {
  readonly type: "secret" | "certificate";
  readonly keyId: string;
  readonly displayName: string | null;
  readonly startDateTime: string;
  readonly endDateTime: string;
  /** Whole days until it stops working (negative once expired). */
  readonly daysLeft: number;
  readonly expired: boolean;
  /** The tightest threshold it has crossed, or null when it is good for more than 60 days. */
  readonly warning: ExpiryWarning | null;
  readonly madeByBoxafeConnect: boolean;
  /** Added by an interrupted run and never handed over: nobody holds it (drift). */
  readonly unheld: boolean;
}

const DAY_MS = 86_400_000;

export function expiryWarning(daysLeft: number, expired: boolean): ExpiryWarning | null {
  if (expired) return "expired";
  if (daysLeft <= 7) return "7-days";
  if (daysLeft <= 30) return "30-days";
  if (daysLeft <= 60) return "60-days";
  return null;
}

function timing(end: string, now: number) {
  const at = Date.parse(end);
  const expired = Number.isNaN(at) || at <= now;
  const daysLeft = Number.isNaN(at) ? 0 : Math.floor((at - now) / DAY_MS);
  return { daysLeft, expired, warning: expiryWarning(daysLeft, expired) };
}

/** Our certificates carry the marker (defaults.ts certificateDisplayName); older ones "CN=<app name>". */
export function isOurCertificate(key: KeyCredential, app: { readonly displayName: string }): boolean {
  const name = key.displayName ?? "";
  return name.startsWith(SECRET_MARKER) || name === `CN=${app.displayName}`;
}

export function credentialRows(app: ObservedApplication, now: number): CredentialRow[] {
  const pending = pendingIds(app.tags);
  const secret = (p: PasswordCredential): CredentialRow => ({
    type: "secret",
    keyId: p.keyId,
    displayName: p.displayName,
    startDateTime: p.startDateTime,
    endDateTime: p.endDateTime,
    ...timing(p.endDateTime, now),
    madeByBoxafeConnect: isOurSecret(p),
    unheld: isUnheldSecret(p, pending),
  });
  const key = (k: KeyCredential): CredentialRow => ({
    type: "certificate",
    keyId: k.keyId,
    displayName: k.displayName,
    startDateTime: k.startDateTime,
    endDateTime: k.endDateTime,
    ...timing(k.endDateTime, now),
    madeByBoxafeConnect: isOurCertificate(k, app),
    unheld: isUnheldKey(k, pending),
  });
  return [...app.passwordCredentials.map(secret), ...app.keyCredentials.map(key)].sort((a, b) =>
    a.endDateTime.localeCompare(b.endDateTime),
  );
}
