/**
 * @module @boxafe-connect/api: the Hono HTTP API and its Node and Worker entries.
 * Also `@boxafe-connect/api/bench` (runApiBench, autocannon) and `@boxafe-connect/api/worker`.
 */
export { createApp } from "./app.js";
export type { AccessLogEntry, AccessLogger, ApiConfig, RateLimitConfig, TimeoutConfig } from "./config.js";
export type { ApiSettings, ResolvedSettings } from "./env-config.js";
export { resolveSettings } from "./env-config.js";
export { mapError, statusByCode } from "./errors.js";
/** `boxafe-connect api [--port N] [--json] [--sandbox URL] ...` for the CLI to delegate to. */
export { main as runApiCommand } from "./main.js";
export type { RateLimitDecision, RateLimitStore } from "./middleware/rate-limit-store.js";
export { createMemoryRateLimitStore } from "./middleware/rate-limit-store.js";
export type { NodeApiOptions, RunningApi } from "./node.js";
export { createNodeApp, startApiServer } from "./node.js";
export { createWorkerApp } from "./worker.js";
