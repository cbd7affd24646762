/**
 * 429 and 503 on Entra's token and device authorization endpoints (Graph draws its own, per request and
 * per $batch item). Body and code as Entra sends them when it sheds load: `temporarily_unavailable`,
 * AADSTS90055 (learn.microsoft.com/entra/identity-platform/reference-error-codes: "TenantThrottlingError
 * - There are too many incoming requests. This exception is thrown for blocked tenants." / 90055 throttled),
 * with Retry-After.
 */
import type { HttpBindings } from "@hono/node-server";
import type { MiddlewareHandler } from "hono";
import type { SandboxContext } from "../context.js";

const FAULTED = new Set(["token", "devicecode"]);

export function entraEndpointFaults(ctx: SandboxContext): MiddlewareHandler<{ Bindings: HttpBindings }> {
  return async (c, next) => {
    if (c.req.method !== "POST" || !FAULTED.has(c.req.param("endpoint") ?? "")) return next();
    const fault = ctx.faults.takeOutage() ? { before: "unavailable" as const } : ctx.faults.decide(false);
    if (fault.before === "none") {
      await next();
      ctx.stats.status(c.res.status);
      return;
    }
    const status = fault.before === "throttle" ? 429 : 503;
    ctx.stats.status(status);
    const retryAfter = ctx.faults.spec.retryAfter;
    return c.json(
      {
        error: "temporarily_unavailable",
        error_description: `AADSTS90055: The service is temporarily unavailable or throttled. Retry after ${retryAfter} seconds.`,
        error_codes: [90055],
        timestamp: new Date().toISOString(),
        trace_id: crypto.randomUUID(),
        correlation_id: crypto.randomUUID(),
      },
      status,
      { "Retry-After": String(retryAfter) },
    );
  };
}
