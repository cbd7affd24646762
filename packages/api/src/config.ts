/**
 * What an entry (Node server, Worker, test) hands to createApp: where the cloud is, the hardening
 * limits and the ports. The app itself reads no environment and detects no runtime.
 */
import type { AppTokenPort, CloudEndpoints, GraphPort, HttpPort, RuntimePorts } from "@boxafe-connect/core";
import type { Context } from "hono";
import type { ApiKey } from "./auth/api-keys.js";
import type { LimitStore } from "./limits/limit-store.js";

/**
 * One access-log line. The logger can only ever see these fields: no headers, no body, no query,
 * and `route` is the matched route pattern (e.g. "/v1/verify"), never the raw path.
 */
export interface AccessLogEntry {
  readonly requestId: string;
  readonly method: string;
  readonly route: string;
  readonly status: number;
  readonly durationMs: number;
}
export type AccessLogger = (entry: AccessLogEntry) => void;

export interface RateLimitConfig {
  /** Burst per caller (a partner key on protected routes, else the client address). */
  readonly capacity: number;
  readonly refillPerSecond: number;
}

export interface TenantLimitConfig {
  /** Burst of verify/plan/setup requests per tenant, whoever sends them. */
  readonly capacity: number;
  readonly refillPerSecond: number;
  /** Verifications of one tenant in flight at once (each polls the token endpoint). */
  readonly maxConcurrentVerify: number;
}

export interface TimeoutConfig {
  /** Every single outbound call (token endpoint, Graph $batch) is abandoned after this. */
  readonly outboundMs: number;
  /** How long /v1/verify keeps polling for roles that have not shown up in tokens yet. */
  readonly verifyDeadlineMs: number;
  /** How long /v1/verify retries a rejected credential (a brand-new secret needs a moment to replicate). */
  readonly credentialGraceMs: number;
  /** Total time plan/setup may spend retrying throttled or lagging Graph calls before a typed error. */
  readonly retryBudgetMs: number;
}

export interface ApiConfig {
  /** The one cloud whose hosts this API may call (global, usgov, china, or a sandbox origin). */
  readonly cloud: CloudEndpoints;
  /** Browser origins allowed by CORS, exactly as sent in the Origin header. Empty = none. */
  readonly corsOrigins: readonly string[];
  readonly rateLimit: RateLimitConfig;
  readonly tenantLimit: TenantLimitConfig;
  /**
   * Where the limit counters live. Node: createMemoryLimitStore() (one process = one count, so a
   * single instance). Workers: the LimitCounter Durable Object, shared by every isolate.
   */
  readonly limitStore: LimitStore;
  /** Partner keys (digests only). Empty = the protected routes answer 401 to everyone. */
  readonly apiKeys: readonly ApiKey[];
  readonly bodyLimitBytes: number;
  readonly timeouts: TimeoutConfig;
  readonly appTokenPort: AppTokenPort;
  /** Builds a Graph port for the caller's delegated token (one per request, never stored). */
  readonly graphPortFor: (accessToken: string) => GraphPort;
  /** Plain HTTPS to the cloud's EWS and SharePoint hosts (the workload proofs of /v1/prove). */
  readonly http: HttpPort;
  readonly runtime: RuntimePorts;
  readonly logger: AccessLogger;
  /** Who an unauthenticated request counts against (its client address). */
  readonly clientKey?: (c: Context) => string;
}

export const defaultLimits = {
  corsOrigins: [] as readonly string[],
  rateLimit: { capacity: 60, refillPerSecond: 1 },
  tenantLimit: { capacity: 30, refillPerSecond: 0.5, maxConcurrentVerify: 2 },
  bodyLimitBytes: 64 * 1024,
  timeouts: { outboundMs: 15_000, verifyDeadlineMs: 20_000, credentialGraceMs: 0, retryBudgetMs: 45_000 },
} as const;

/**
 * Default client key: Cloudflare's connecting IP when present (X-Forwarded-For is spoofable, so unused),
 * else one shared bucket. Node entries pass the socket address instead.
 */
export function defaultClientKey(c: Context): string {
  const cf = c.req.header("cf-connecting-ip");
  if (cf) return `ip:${cf.slice(0, 64)}`;
  return "anonymous";
}
