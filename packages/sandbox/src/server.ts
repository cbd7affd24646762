import type { HttpBindings } from "@hono/node-server";
import { Hono } from "hono";
import { cors } from "hono/cors";
import type { SandboxContext } from "./context.js";
import { entraRoutes } from "./entra/routes.js";
import { exchangeAdminRoutes } from "./exchange/admin-api.js";
import { ewsRoutes } from "./exchange/ews.js";
import { graphRoutes } from "./graph/routes.js";
import { hookRoutes } from "./hooks.js";
import { sharePointRoutes } from "./sharepoint/rest.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One origin for everything: Entra at /{tenant}/..., Graph at /v1.0/..., Exchange admin REST at
 * /adminapi/beta/..., EWS at /EWS/Exchange.asmx, SharePoint REST at /_api/..., test hooks at /_sandbox/...
 */
export function createApp(ctx: SandboxContext): Hono<{ Bindings: HttpBindings }> {
  const app = new Hono<{ Bindings: HttpBindings }>();
  // The web UI is a browser SPA on another localhost origin: it calls token and Graph endpoints directly.
  app.use(
    "*",
    cors({
      origin: (origin) => origin || "*",
      allowHeaders: [
        "Authorization",
        "Content-Type",
        "client-request-id",
        "Prefer",
        "ConsistencyLevel",
        "x-client-SKU",
        "x-client-VER",
        "x-client-OS",
        "x-client-CPU",
        "x-ms-lib-capability",
        "x-client-current-telemetry",
        "x-client-last-telemetry",
        "Retry-Attempt",
        "SdkVersion",
        "X-AnchorMailbox",
        "X-ResponseFormat",
        "SOAPAction",
      ],
      allowMethods: ["GET", "POST", "PATCH", "PUT", "DELETE", "OPTIONS"],
      exposeHeaders: [
        "Retry-After",
        "request-id",
        "client-request-id",
        "Location",
        "X-EWS-Policy-Reason",
        "x-ms-diagnostics",
      ],
      maxAge: 600,
    }),
  );
  app.use("*", async (c, next) => {
    ctx.stats.request(c.req.method, c.req.path);
    await next();
  });
  // Faults on the token endpoint (latency, 429, 503). Graph applies its own, per request and per batch item.
  app.use("/:tenant/oauth2/v2.0/token", async (c, next) => {
    if (c.req.method !== "POST") return next();
    if (ctx.faults.spec.latency > 0) await sleep(ctx.faults.spec.latency);
    const fault = ctx.faults.decide(false);
    if (fault.before === "none") {
      await next();
      ctx.stats.status(c.res.status);
      return;
    }
    const status = fault.before === "throttle" ? 429 : 503;
    ctx.stats.status(status);
    const retryAfter = fault.before === "throttle" ? ctx.faults.spec.retryAfter : 1;
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
  });
  app.route("/", hookRoutes(ctx));
  app.route("/", graphRoutes(ctx));
  // Exchange (outlook.office365.com) and SharePoint (contoso.sharepoint.com) paths do not collide with
  // Entra's /{tenant}/... or Graph's /v1.0/..., so one origin serves them all.
  app.route("/", exchangeAdminRoutes(ctx));
  app.route("/", ewsRoutes(ctx));
  app.route("/", sharePointRoutes(ctx));
  app.route("/", entraRoutes(ctx));
  app.notFound((c) =>
    c.json(
      { error: { code: "NotFound", message: `No sandbox route for ${c.req.method} ${c.req.path}.` } },
      404,
    ),
  );
  return app;
}
