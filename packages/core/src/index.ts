/** @module @boxafe-connect/core: pure logic, no I/O; ports are injected. */

export * from "./boxafe/index.js";
export * from "./catalog/index.js";
export type { CloudEndpoints, CloudName } from "./clouds.js";
export { cloudEndpoints, cloudNames, isCloudName, sandboxEndpoints, sharePointTenantName } from "./clouds.js";
export * from "./credentials/index.js";
export {
  CREDENTIAL_GRACE_MS,
  certificateDisplayName,
  DEFAULT_APP_NAME,
  DEFAULT_CERTIFICATE_DAYS,
  DEFAULT_RENEW_WITHIN_DAYS,
  DEFAULT_SECRET_DAYS,
  DEFAULT_SECRET_NAME,
  DEFAULT_VERIFY_DEADLINE_SECONDS,
  MAX_CERTIFICATE_DAYS,
  PROOF_THROTTLE_DEADLINE_SECONDS,
  renewWithinDaysFor,
} from "./defaults.js";
export * from "./engine/index.js";
export type { CoreErrorOptions } from "./errors.js";
export { CoreError, ErrorCode, isCoreError } from "./errors.js";
export * from "./exchange/index.js";
export * from "./fleet/index.js";
export * from "./graph/index.js";
export type { Clock, ProgressEvent, ProgressSink, Random, RuntimePorts, Sleep } from "./ports.js";
export * from "./preflight/index.js";
export * from "./profiles/index.js";
export * from "./requests/index.js";
export * from "./sharepoint/index.js";
export * from "./steps/index.js";
export * from "./tenant/index.js";
export * from "./usecases/index.js";
export { isDomainName, isGuid, MAX_APP_NAME_LENGTH, validateAppName, validateTenantId } from "./validate.js";
export * from "./verify/index.js";
export * from "./workloads/index.js";
