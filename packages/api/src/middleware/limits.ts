/**
 * The request limits, all counted in a LimitStore (in memory on Node, a Durable Object on Workers):
 * - per caller: the partner key's name on protected routes, else the client address;
 * - per tenant on the routes that call the tenant's token service or Graph: a token bucket, and on
 *   /v1/verify also a cap on verifies in flight, since each one polls the token endpoint for up to
 *   VERIFY_DEADLINE_MS. Entra throttles per tenant and per client; this keeps one partner from
 *   spending a tenant's budget and our egress address's reputation.
 */

import type { Context, MiddlewareHandler } from "hono";
import { decodeJwt } from "jose";
import { errorBody } from "../errors.js";
import type { BucketRule, LeaseRule } from "../limits/counter.js";
import type { LimitStore } from "../limits/limit-store.js";
import type { ApiEnv } from "../router.js";
import { TenantIdSchema } from "../schemas/common.js";

function throttled(c: Context<ApiEnv>, seconds: number, message: string): Response {
  c.header("Retry-After", String(seconds));
  return c.json(errorBody("throttled", message, null, c.get("requestId")), 429);
}

export interface CallerLimitOptions {
  readonly store: LimitStore;
  readonly rule: BucketRule;
  /** The caller when no API key named it (client address). */
  readonly clientKey: (c: Context) => string;
  readonly now: () => number;
}

export function callerLimit(options: CallerLimitOptions): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const name = c.get("apiKey");
    const key = name === undefined ? options.clientKey(c) : `key:${name}`;
    const decision = await options.store.take(key, options.rule, options.now());
    if (!decision.allowed) {
      return throttled(
        c,
        decision.retryAfterSeconds,
        `Too many requests from this ${name === undefined ? "client" : "API key"}. Retry after ${decision.retryAfterSeconds} s.`,
      );
    }
    return next();
  };
}

/** The tenant a /v1/verify body names (lower-cased), or undefined when the body is not valid (the route answers 400). */
export async function verifyTenant(c: Context): Promise<string | undefined> {
  const body: unknown = await c.req.json().catch(() => undefined);
  const tenantId =
    typeof body === "object" && body !== null ? (body as { tenantId?: unknown }).tenantId : undefined;
  const parsed = TenantIdSchema.safeParse(tenantId);
  return parsed.success ? parsed.data.toLowerCase() : undefined;
}

/** The tenant of the caller's delegated token (its `tid`; the route checks the token itself). */
export async function bearerTenant(c: Context): Promise<string | undefined> {
  const match = /^Bearer (\S{1,16384})$/.exec(c.req.header("authorization") ?? "");
  if (!match?.[1]) return undefined;
  try {
    const tid = decodeJwt(match[1]).tid;
    return typeof tid === "string" && /^[0-9a-f-]{36}$/i.test(tid) ? tid.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

export interface TenantLimitOptions {
  readonly store: LimitStore;
  readonly rule: BucketRule;
  /** In-flight cap (outbound token polls); omitted on routes that do not poll. */
  readonly polls?: LeaseRule;
  readonly tenantOf: (c: Context) => Promise<string | undefined>;
  readonly now: () => number;
}

export function tenantLimit(options: TenantLimitOptions): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const tenant = await options.tenantOf(c);
    if (tenant === undefined) return next();
    const key = `tenant:${tenant}`;
    const decision = await options.store.take(key, options.rule, options.now());
    if (!decision.allowed) {
      return throttled(
        c,
        decision.retryAfterSeconds,
        `Too many requests for this tenant. Retry after ${decision.retryAfterSeconds} s.`,
      );
    }
    if (options.polls === undefined) return next();
    const slot = await options.store.acquire(`polls:${tenant}`, options.polls, options.now());
    if (!slot.granted) {
      return throttled(
        c,
        slot.retryAfterSeconds,
        `${slot.active} verifications of this tenant are already running. Retry after ${slot.retryAfterSeconds} s.`,
      );
    }
    try {
      await next();
    } finally {
      await options.store.release(`polls:${tenant}`, slot.lease).catch(() => undefined);
    }
  };
}
