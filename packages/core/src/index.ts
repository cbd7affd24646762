/** @module @boxafe-connect/core: pure logic, no I/O; ports are injected. */

export type {
  Advisory,
  AdvisoryId,
  Permission,
  PermissionKind,
  PermissionRef,
  Profile,
  Resource,
  ResourceKey,
} from "./catalog/types.js";
export type { CoreErrorOptions } from "./errors.js";
export { CoreError, ErrorCode, isCoreError } from "./errors.js";
export type { GraphMethod, GraphPort, GraphRequest, GraphResponse } from "./graph/port.js";
export { MAX_BATCH_SIZE } from "./graph/port.js";
export type { Clock, ProgressEvent, ProgressSink, Random, RuntimePorts, Sleep } from "./ports.js";
export type * from "./tenant/model.js";
export type { AppTokenPort, AppTokenRequest, ClientCredential, DelegatedTokenPort } from "./verify/port.js";
