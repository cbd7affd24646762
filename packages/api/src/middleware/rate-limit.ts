/** Per-client rate limiting: 429 with Retry-After when the client's bucket is empty. */
import type { Context, MiddlewareHandler } from "hono";
import { errorBody } from "../errors.js";
import type { RateLimitStore } from "./rate-limit-store.js";

export interface RateLimitOptions {
  readonly store: RateLimitStore;
  readonly clientKey: (c: Context) => string;
  readonly now: () => number;
}

export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  return async (c, next) => {
    const decision = await options.store.take(options.clientKey(c), options.now());
    if (!decision.allowed) {
      c.header("Retry-After", String(decision.retryAfterSeconds));
      return c.json(
        errorBody(
          "throttled",
          `Too many requests from this client. Retry after ${decision.retryAfterSeconds} s.`,
          null,
          c.get("requestId"),
        ),
        429,
      );
    }
    c.header("RateLimit-Remaining", String(decision.remaining));
    await next();
  };
}
