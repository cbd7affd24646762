/**
 * The public names of core/preflight (src/index.ts re-exports them all; add a new export here):
 * preflight: what a tenant's rules say before any write.
 */

export { chooseCredentials } from "./credential-choice.js";
export type { PolicyRead, PolicyReads } from "./policy-reads.js";
export type { PreflightDeps, PreflightRequest } from "./preflight.js";
export { PREFLIGHT_SCOPES, preflight } from "./preflight.js";
export type {
  CheckId,
  CheckStatus,
  CredentialChoice,
  CredentialRules,
  PreflightCheck,
  PreflightResult,
  WantedCredentials,
} from "./types.js";
export { CHECK_IDS, CHECK_STATUSES } from "./types.js";
