/**
 * @module @boxafe-connect/api: the Hono HTTP API and its Node and Worker entries.
 * Also `@boxafe-connect/api/bench` (runApiBench, autocannon) and `@boxafe-connect/api/worker`.
 */
export { createApp } from "./app.js";
export type { ApiKey, ProtectedRoute } from "./auth/api-keys.js";
export { API_KEY_HEADER, newApiKey, PROTECTED_ROUTES, parseApiKeys, sha256Hex } from "./auth/api-keys.js";
export type {
  AccessLogEntry,
  AccessLogger,
  ApiConfig,
  RateLimitConfig,
  TenantLimitConfig,
  TimeoutConfig,
} from "./config.js";
export type { ApiSettings, ResolvedSettings } from "./env-config.js";
export { resolveSettings } from "./env-config.js";
export { mapError, statusByCode } from "./errors.js";
export type { BucketRule, LeaseDecision, LeaseRule, LimitDecision } from "./limits/counter.js";
export type { DurableObjectNamespaceLike } from "./limits/durable-limit-store.js";
export { createDurableLimitStore } from "./limits/durable-limit-store.js";
export { LimitCounter } from "./limits/limit-counter-object.js";
export type { LimitStore } from "./limits/limit-store.js";
export { createMemoryLimitStore } from "./limits/limit-store.js";
/** `boxafe-connect api [--port N] [--json] [--sandbox URL] ...` for the CLI to delegate to. */
export { main as runApiCommand } from "./main.js";
export type { NodeApiOptions, RunningApi } from "./node.js";
export { createNodeApp, startApiServer } from "./node.js";
export { SetupBodySchema } from "./schemas/setup.js";
export type { WorkerEnv } from "./worker.js";
export { createWorkerApp } from "./worker.js";
