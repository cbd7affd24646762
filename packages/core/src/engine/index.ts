/**
 * The public names of core/engine (src/index.ts re-exports them all; add a new export here): the Graph
 * engine: observe, apply, drift, hand-over, remove, retire, rotate, role checks, the web app.
 */

export type { NewSecret } from "./add-password.js";
export type { AdminScope } from "./admin-scopes.js";
export {
  ADMIN_SCOPES,
  adminScopes,
  isConsentRefusal,
  PREFLIGHT_SCOPE,
  preflightScopes,
} from "./admin-scopes.js";
export type { ApplyResult, EngineDeps } from "./apply.js";
export { apply } from "./apply.js";
export type { HandOverInput, HandOverResult } from "./confirm-hand-over.js";
export { confirmHandOver } from "./confirm-hand-over.js";
export type { DriftReport } from "./drift.js";
export { checkDrift } from "./drift.js";
export { findApplication, requireApplication } from "./find-application.js";
export type { AddKeyOutcome, ProofClaims, ProofSigner } from "./key-rollover.js";
export { PROOF_AUDIENCE, proofClaims } from "./key-rollover.js";
export type { ObservedWithOrganization, Organization } from "./observe.js";
export { observe } from "./observe.js";
export { graphAudience } from "./prove-credential.js";
export type { RemoveOptions, RemoveResult } from "./remove-application.js";
export { removeApplication } from "./remove-application.js";
export type { RetireDeps, RetireInput, RetireResult } from "./retire-credentials.js";
export { retireCredentials } from "./retire-credentials.js";
export type { RoleCheck } from "./role-check.js";
export { checkRole, directoryRoles, requireAdmin } from "./role-check.js";
export type { RotateDeps, RotateInput, RotateResult } from "./rotate-secret.js";
export { rotateSecret } from "./rotate-secret.js";
export type { WebAppInput, WebAppResult } from "./web-app.js";
export { checkRedirectUris, registerWebApp, WEB_APP_SCOPES } from "./web-app.js";
