/** What core needs from a certificate made by a runtime port (the public part only). */
import {
  certificateDisplayName,
  DEFAULT_APP_NAME,
  DEFAULT_CERTIFICATE_DAYS,
  MAX_CERTIFICATE_DAYS,
} from "../defaults.js";
import { CoreError } from "../errors.js";
import type { DesiredOptions } from "../tenant/model.js";

export interface CertificateRequest {
  /** CN of the self-signed certificate: the app's display name. */
  readonly subject: string;
  readonly days: number;
}

export function certificateRequestFor(
  displayName: string,
  days: number = DEFAULT_CERTIFICATE_DAYS,
): CertificateRequest {
  if (!Number.isInteger(days) || days < 1 || days > MAX_CERTIFICATE_DAYS) {
    throw new CoreError("invalid_input", "A certificate can last 1 to 1095 days (three years).", {
      field: "certificateDays",
    });
  }
  return { subject: displayName.trim() || DEFAULT_APP_NAME, days };
}

/** The Desired option for a made certificate: its DER goes to keyCredentials, never its private key. */
export function certificateOption(
  made: { readonly derBase64: string; readonly thumbprint: string; readonly notAfter: string },
  subject: string,
): NonNullable<DesiredOptions["certificate"]> {
  return {
    displayName: certificateDisplayName(subject),
    derBase64: made.derBase64,
    thumbprint: made.thumbprint,
    endDateTime: made.notAfter,
  };
}
