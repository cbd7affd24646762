/**
 * The keyId boxafe-connect gives a certificate it adds by PATCHing keyCredentials (setup,
 * sharepoint): derived from the certificate's SHA-1 thumbprint instead of drawn at random. An app
 * cannot read its own registration (no permission of Table 1 allows it), yet removeKey names the
 * key by keyId: with this, the app (a NAS, no admin) can retire a certificate setup added knowing
 * only the certificate. Keys added by addKey get Graph's own keyId ("keyId value should be null"),
 * which `certificate rotate` records. Format: an RFC 9562 version 8 (custom) UUID.
 */
import { CoreError } from "../errors.js";

export function certificateKeyId(thumbprint: string): string {
  const hex = thumbprint.replace(/[\s:]/g, "").toLowerCase();
  if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(hex)) {
    throw new CoreError("invalid_input", "A certificate thumbprint is 40 (SHA-1) hex digits.", {
      field: "thumbprint",
    });
  }
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  const id = `${hex.slice(0, 12)}8${hex.slice(13, 16)}${variant}${hex.slice(17, 32)}`;
  return `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20, 32)}`;
}
