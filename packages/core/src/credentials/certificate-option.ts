/** What core needs from a certificate made by a runtime port (the public part only). */
import { CoreError } from "../errors.js";
import type { DesiredOptions } from "../tenant/model.js";

export interface CertificateRequest {
  /** CN of the self-signed certificate: the app's display name. */
  readonly subject: string;
  readonly days: number;
}

export const DEFAULT_CERTIFICATE_DAYS = 365;

export function certificateRequestFor(
  displayName: string,
  days: number = DEFAULT_CERTIFICATE_DAYS,
): CertificateRequest {
  if (!Number.isInteger(days) || days < 1 || days > 1095) {
    throw new CoreError("invalid_input", "A certificate can last 1 to 1095 days (three years).", {
      field: "certificateDays",
    });
  }
  return { subject: displayName.trim() || "QNAP Boxafe", days };
}

/** The Desired option for a made certificate: its DER goes to keyCredentials, never its private key. */
export function certificateOption(
  made: { readonly derBase64: string; readonly thumbprint: string; readonly notAfter: string },
  subject: string,
): NonNullable<DesiredOptions["certificate"]> {
  return {
    displayName: `CN=${subject}`,
    derBase64: made.derBase64,
    thumbprint: made.thumbprint,
    endDateTime: made.notAfter,
  };
}
