/**
 * The public names of core/tenant (src/index.ts re-exports them all; add a new export here): the
 * tenant model: desired and observed state, plans and findings.
 */

export { advisoryFindings } from "./advisory-findings.js";
export type { ConsentCounts } from "./consent-counts.js";
export { consentCounts } from "./consent-counts.js";
export type { PlanSummary } from "./describe.js";
export { ACTION_TYPES, describeAction, summarizePlan } from "./describe.js";
export { desired, desiredFrom } from "./desired.js";
export type * from "./model.js";
export type { PermissionStatus, PermissionStatusRow } from "./permission-status.js";
export { PERMISSION_STATUSES, permissionStatuses } from "./permission-status.js";
export { plan } from "./plan.js";
export { escapeControl, printable } from "./printable.js";
export { joinScopes, sortScopes, splitScopes } from "./scopes.js";
export { isOurSecret, markedSecretName, SECRET_MARKER } from "./secrets.js";
export { UNIQUE_NAME_PREFIX, uniqueNameFor } from "./unique-name.js";
