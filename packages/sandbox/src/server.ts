import type { HttpBindings } from "@hono/node-server";
import { Hono } from "hono";
import { cors } from "hono/cors";
import type { SandboxContext } from "./context.js";
import { entraEndpointFaults } from "./entra/endpoint-faults.js";
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
  // Graph and Entra answer CORS: browser SPAs call them directly (Microsoft's own SPA tutorial calls Graph
  // from the page, learn.microsoft.com/entra/identity-platform/tutorial-v2-javascript-auth-code; which token
  // redemptions a browser may make is entra/cross-origin.ts). The test hooks send no CORS headers at all,
  // so no web page can drive them.
  const graphAndEntraCors = cors({
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
  });
  app.use("*", (c, next) => (c.req.path.startsWith("/_sandbox/") ? next() : graphAndEntraCors(c, next)));
  app.use("*", async (c, next) => {
    ctx.stats.request(c.req.method, c.req.path);
    await next();
  });
  // Latency on every Entra, Graph, Exchange and SharePoint endpoint (device code, discovery and the sign-in
  // page too); never on the test hooks.
  app.use("*", async (c, next) => {
    if (ctx.faults.spec.latency > 0 && !c.req.path.startsWith("/_sandbox/"))
      await sleep(ctx.faults.spec.latency);
    await next();
  });
  app.use("/:tenant/oauth2/v2.0/:endpoint", entraEndpointFaults(ctx));
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
