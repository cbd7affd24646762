/** Client secrets: which ones are ours, which are still good, and what to say about the rest. */
import type { Finding, PasswordCredential } from "./model.js";

/** Secrets we add carry this display-name prefix, so rotation removes only ours. */
export const SECRET_MARKER = "boxafe-connect";

const DAY_MS = 86_400_000;

export function isOurSecret(credential: PasswordCredential): boolean {
  return (credential.displayName ?? "").startsWith(SECRET_MARKER);
}

/** Gives a display name the marker when it lacks it. */
export function markedSecretName(displayName: string): string {
  const trimmed = displayName.trim();
  if (trimmed.startsWith(SECRET_MARKER)) return trimmed;
  return trimmed === "" ? SECRET_MARKER : `${SECRET_MARKER} ${trimmed}`;
}

function endOf(credential: PasswordCredential): number {
  const end = Date.parse(credential.endDateTime);
  return Number.isNaN(end) ? 0 : end;
}

export function isExpired(credential: PasswordCredential, now: number): boolean {
  return endOf(credential) <= now;
}

/** True when the secret is still valid `renewWithinDays` from now. */
export function isGoodBeyond(credential: PasswordCredential, now: number, renewWithinDays: number): boolean {
  return endOf(credential) > now + renewWithinDays * DAY_MS;
}

export function endDateAfterDays(now: number, days: number): string {
  return new Date(now + days * DAY_MS).toISOString();
}

function label(credential: PasswordCredential): string {
  const name = credential.displayName ?? "(no description)";
  const owner = isOurSecret(credential) ? "" : ", not made by boxafe-connect";
  return `Client secret "${name}" (keyId ${credential.keyId}${owner})`;
}

/** One finding per secret that has expired or expires within `withinDays`. */
export function secretFindings(
  credentials: readonly PasswordCredential[],
  now: number,
  withinDays: number,
): Finding[] {
  const findings: Finding[] = [];
  for (const credential of credentials) {
    const day = credential.endDateTime.slice(0, 10);
    if (isExpired(credential, now)) {
      findings.push({
        kind: "secret-expired",
        message: `${label(credential)} expired on ${day}; Boxafe cannot sign in with it. Give Boxafe a new secret.`,
      });
    } else if (!isGoodBeyond(credential, now, withinDays)) {
      const days = Math.ceil((endOf(credential) - now) / DAY_MS);
      findings.push({
        kind: "secret-expiring",
        message: `${label(credential)} expires on ${day} (in ${days} day${days === 1 ? "" : "s"}); add a new secret and update Boxafe before then.`,
      });
    }
  }
  return findings;
}
