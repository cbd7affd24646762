/**
 * One log line per request with exactly: request id, method, matched route, status, duration.
 * Nothing else is passed to the logger, so no header, query or body (and no secret) can leak.
 */
import type { MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import type { AccessLogger } from "../config.js";

export function accessLog(logger: AccessLogger, now: () => number): MiddlewareHandler {
  return async (c, next) => {
    const started = now();
    const id = c.get("requestId");
    c.header("X-Request-Id", id);
    try {
      await next();
    } finally {
      // "*" means no route matched (404s and middleware refusals): never log the raw path.
      const route = routePath(c, -1);
      try {
        logger({
          requestId: id,
          method: c.req.method.slice(0, 10),
          route: route === "*" || route === "/*" ? "unmatched" : route,
          status: c.res.status,
          durationMs: Math.max(0, now() - started),
        });
      } catch {
        // A broken log sink must not break the response.
      }
    }
  };
}
