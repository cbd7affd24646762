/**
 * The public names of core/credentials (src/index.ts re-exports them all; add a new export here):
 * credentials: certificate options, credential rows and expiry, the hand-over marker, secret
 * lifetimes.
 */

export { certificateKeyId } from "./certificate-key-id.js";
export type { CertificateRequest } from "./certificate-option.js";
export { certificateOption, certificateRequestFor } from "./certificate-option.js";
export type { CredentialRow, ExpiryWarning } from "./credential-rows.js";
export {
  credentialRows,
  EXPIRY_WARNING_DAYS,
  expiryWarning,
  isOurCertificate,
} from "./credential-rows.js";
export { credentialIn } from "./credential-shapes.js";
export {
  isUnheldKey,
  isUnheldSecret,
  PENDING_TAG_PREFIX,
  pendingIds,
  runIdOfSecretName,
} from "./hand-over-marker.js";
export type { KeyRecord, KeyRecordEntry, KeyRecordParse } from "./key-record.js";
export { mergeKeyRecord, parseKeyRecord } from "./key-record.js";
export type { SecretLifetime, SecretLifetimeDays } from "./secret-lifetime.js";
export {
  parseSecretLifetime,
  secretLifetimes,
  shorterLifetime,
} from "./secret-lifetime.js";
export type { UnheldCertificate } from "./unheld-certificates.js";
export { unheldCertificates } from "./unheld-certificates.js";
