/**
 * The one place for the defaults every front end shares. Before this module the copies had drifted
 * (secret "Boxafe" in the CLI and web but "boxafe-connect" in the API; 180 days in the CLI and API
 * but 365 in the web; the renewal window computed only in the CLI). The choices:
 *
 * - Secret description "Boxafe": the description the admin sees in the portal's "Certificates &
 *   secrets" list next to our marker (see tenant/secrets.ts), and what two of three fronts used.
 * - Secret lifetime 180 days: the Entra portal's own recommended choice ("180 days (6 months)") and
 *   the shortest common tenant app-management-policy limit we must fit under.
 * - Renewal window 30 days: a secret of ours that ends within 30 days is replaced by setup; never
 *   longer than the lifetime itself (a short explicit end date), see renewWithinDaysFor.
 * - Certificate: one year (the lifetime the portal suggests for self-signed certificates), at most
 *   three (1095 days, what Boxafe and SharePoint app-only accept), named "CN=<app name>" in
 *   keyCredentials: what the portal itself shows for an uploaded certificate.
 */
import type { SecretLifetimeDays } from "./credentials/secret-lifetime.js";

export const DEFAULT_APP_NAME = "QNAP Boxafe";
export const DEFAULT_SECRET_NAME = "Boxafe";
export const DEFAULT_SECRET_DAYS: SecretLifetimeDays = 180;
export const DEFAULT_RENEW_WITHIN_DAYS = 30;
export const DEFAULT_CERTIFICATE_DAYS = 365;
export const MAX_CERTIFICATE_DAYS = 1095;
/** How long `verify` waits for consent to show in tokens. */
export const DEFAULT_VERIFY_DEADLINE_SECONDS = 60;
/**
 * How long a page waits out a throttled token proof (the API's 429 with Entra's Retry-After) before it says
 * so: longer than verify's own deadline, since the API's proof runs that deadline itself.
 */
export const PROOF_THROTTLE_DEADLINE_SECONDS = 90;
/** How long a rejected credential is retried (a new secret replicates); never past the deadline. */
export const CREDENTIAL_GRACE_MS = 30_000;

/** The renewal window for a secret of this lifetime: core wants it shorter than the lifetime. */
export function renewWithinDaysFor(lifetimeDays: number): number {
  return Math.max(0, Math.min(DEFAULT_RENEW_WITHIN_DAYS, lifetimeDays - 1));
}

/** The keyCredential display name of a certificate made for an app. */
export function certificateDisplayName(subject: string): string {
  // The marker prefix is how retire tells our certificates from anyone else's (as SECRET_MARKER).
  return `boxafe-connect CN=${subject}`;
}
