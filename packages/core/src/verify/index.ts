/**
 * The public names of core/verify (src/index.ts re-exports them all; add a new export here):
 * verification: audiences, directory readers, the token ports and the token-response classifier.
 */

export { audienceFor } from "./audiences.js";
export { canReadDirectory, DIRECTORY_READER_ROLES } from "./directory-readers.js";
export type { ProofNotRun, ProofNotRunReason } from "./not-run.js";
export {
  notRunReport,
  PROOF_NOT_RUN_REASONS,
  proofNotRun,
  proofNotRunReasonSchema,
} from "./not-run.js";
export type {
  AppTokenPort,
  AppTokenRequest,
  ClientCredential,
  DelegatedTokenPort,
  HeldCredential,
} from "./port.js";
export { assertionFor } from "./port.js";
export type { ServiceProof } from "./service-proof.js";
export { serviceProofOf } from "./service-proof.js";
export { signInError } from "./sign-in-error.js";
export {
  retryAfterHeaderSeconds,
  tokenFailureFromBody,
  tokenFailureFromMsal,
} from "./token-failure-readers.js";
export type { TokenFailure, TokenVerdict, TokenWait } from "./token-response.js";
export {
  classifyTokenFailure,
  needsInteractiveSignIn,
  tokenError,
  tokenErrorWait,
  upstreamOf,
} from "./token-response.js";
export type {
  TokenCheck,
  VerificationItem,
  VerificationReport,
  VerificationStatus,
  VerifyDeps,
  VerifyInput,
} from "./verify.js";
export { verify } from "./verify.js";
