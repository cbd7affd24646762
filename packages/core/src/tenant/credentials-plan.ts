/** Secret and certificate actions: add what is missing, never touch credentials that are not ours. */
import { isUnheldKey, isUnheldSecret, pendingIds } from "../credentials/hand-over-marker.js";
import { DEFAULT_RENEW_WITHIN_DAYS } from "../defaults.js";
import type { Action, Desired, Finding, KeyCredential, ObservedApplication } from "./model.js";
import { endDateAfterDays, isExpired, isGoodBeyond, isOurSecret, secretFindings } from "./secrets.js";

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Base64 -> upper-case hex; undefined when the text is not base64. */
function base64ToHex(text: string): string | undefined {
  const clean = text.replace(/=+$/, "");
  if (!/^[A-Za-z0-9+/]*$/.test(clean)) return undefined;
  let bits = 0;
  let value = 0;
  let hex = "";
  for (const char of clean) {
    value = (value << 6) | BASE64.indexOf(char);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      hex += ((value >> bits) & 0xff).toString(16).padStart(2, "0");
    }
  }
  return hex.toUpperCase();
}

function normalizeThumbprint(text: string): string {
  return text.replace(/[\s:]/g, "").toUpperCase();
}

/** Graph shows customKeyIdentifier as the thumbprint in hex or as base64 of its bytes. */
export function hasThumbprint(credential: KeyCredential, thumbprint: string): boolean {
  const wanted = normalizeThumbprint(thumbprint);
  const id = credential.customKeyIdentifier;
  if (id === null || id === undefined || id === "") return false;
  return normalizeThumbprint(id) === wanted || base64ToHex(id) === wanted;
}

export function planCredentials(
  desired: Desired,
  app: ObservedApplication | undefined,
  now: number,
): { actions: Action[]; findings: Finding[] } {
  const actions: Action[] = [];
  const passwords = app?.passwordCredentials ?? [];
  const window = desired.secret?.renewWithinDays ?? DEFAULT_RENEW_WITHIN_DAYS;
  const findings = secretFindings(passwords, now, window);
  const pending = pendingIds(app?.tags);
  const unheld = passwords.filter((p) => isUnheldSecret(p, pending));
  // A certificate the admin passes in (desired.certificate) is held by them, whatever the tag says.
  const passedIn = desired.certificate?.thumbprint;
  const unheldKeys = (app?.keyCredentials ?? []).filter(
    (k) => isUnheldKey(k, pending) && (passedIn === undefined || !hasThumbprint(k, passedIn)),
  );
  for (const p of unheld) {
    findings.push({
      kind: "credential-unheld",
      message: `Client secret "${p.displayName ?? ""}" (keyId ${p.keyId}) was added by an interrupted run and never handed over: nobody holds it. Run setup: it adds a new secret, hands it over, then removes this one.`,
    });
  }
  for (const k of unheldKeys) {
    findings.push({
      kind: "credential-unheld",
      message: `Certificate "${k.displayName ?? ""}" (keyId ${k.keyId}) was added by an interrupted run whose private key never reached anyone. Run setup again: it is replaced, then removed.`,
    });
  }
  const secret = desired.secret;
  let good = false;
  if (secret !== undefined) {
    // A secret nobody holds does not count, however long it is valid.
    good = passwords.some(
      (p) => isOurSecret(p) && !isUnheldSecret(p, pending) && isGoodBeyond(p, now, secret.renewWithinDays),
    );
    if (!good) {
      actions.push({
        type: "add-password",
        displayName: secret.displayName,
        endDateTime: endDateAfterDays(now, secret.lifetimeDays),
      });
    }
  }
  // With a held secret in place the unheld ones are plain orphans; otherwise they go only after the
  // new secret has been handed over (confirmHandOver), never before.
  if (good) {
    for (const p of unheld)
      actions.push({ type: "remove-password", keyId: p.keyId, reason: "never handed over" });
  }
  if (desired.removeExtra) {
    for (const password of passwords) {
      if (isOurSecret(password) && isExpired(password, now)) {
        actions.push({ type: "remove-password", keyId: password.keyId, reason: "expired" });
      }
    }
  }
  const certificate = desired.certificate;
  if (certificate !== undefined) {
    const present = (app?.keyCredentials ?? []).some((key) => hasThumbprint(key, certificate.thumbprint));
    if (!present) actions.push({ type: "add-certificate", ...certificate });
  }
  return { actions, findings };
}
