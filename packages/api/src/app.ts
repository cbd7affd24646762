/**
 * createApp: the one Hono app behind the Node server, the Worker and the tests. Middleware order
 * matters: request id -> access log -> secure headers -> CORS -> API key (protected routes) ->
 * caller limit -> body limit -> tenant limit (routes that call the tenant) -> routes.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { API_KEY_HEADER, PROTECTED_ROUTES } from "./auth/api-keys.js";
import type { ApiConfig } from "./config.js";
import { defaultClientKey } from "./config.js";
import { errorBody, mapError } from "./errors.js";
import { accessLog } from "./middleware/access-log.js";
import { requireApiKey } from "./middleware/api-key.js";
import { bearerTenant, callerLimit, tenantLimit, verifyTenant } from "./middleware/limits.js";
import { allowedMethods, methodNotAllowed } from "./middleware/method-not-allowed.js";
import { passThrottling } from "./ports/throttle-passthrough.js";
import type { ApiEnv } from "./router.js";
import { createRouter } from "./router.js";
import { mountDocs } from "./routes/docs.js";
import { healthRoutes } from "./routes/health.js";
import { permissionsRoutes } from "./routes/permissions.js";
import { planRoutes } from "./routes/plan.js";
import { preflightRoutes } from "./routes/preflight.js";
import { proveRoutes } from "./routes/prove.js";
import { setupRoutes } from "./routes/setup.js";
import { verifyRoutes } from "./routes/verify.js";

export function createApp(input: ApiConfig): OpenAPIHono<ApiEnv> {
  const config: ApiConfig = { ...input, appTokenPort: passThrottling(input.appTokenPort) };
  const now = () => config.runtime.clock.now();
  const store = config.limitStore;
  const app = createRouter();

  // Incoming X-Request-Id is ignored (headerName ""): ids in our logs are always ours.
  app.use(requestId({ headerName: "" }));
  app.use(accessLog(config.logger, now));
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        styleSrc: ["'unsafe-inline'"],
        frameAncestors: ["'none'"],
      },
      crossOriginResourcePolicy: "same-origin",
    }),
  );
  const allowed = new Set(config.corsOrigins);
  app.use(
    cors({
      origin: (origin) => (allowed.has(origin) ? origin : null),
      allowMethods: ["GET", "POST", "OPTIONS"],
      allowHeaders: ["Content-Type", "Authorization", API_KEY_HEADER],
      exposeHeaders: ["X-Request-Id", "Retry-After"],
      maxAge: 600,
    }),
  );
  // On POST only, so another method on these paths gets its 405 rather than a 401.
  for (const route of PROTECTED_ROUTES) app.on("POST", route, requireApiKey(config.apiKeys, route));
  app.use(
    callerLimit({ store, rule: config.rateLimit, clientKey: config.clientKey ?? defaultClientKey, now }),
  );
  app.use(
    bodyLimit({
      maxSize: config.bodyLimitBytes,
      onError: (c) =>
        c.json(
          errorBody(
            "payload_too_large",
            `The request body is larger than ${config.bodyLimitBytes} bytes. Send a smaller body.`,
            "body",
            c.get("requestId"),
          ),
          413,
        ),
    }),
  );

  // Per-tenant limits read the tenant after the body limit, before the route does any work.
  const tenantRule = config.tenantLimit;
  // The lease outlives the longest verify (polling deadline, credential grace, a last call) only if its isolate died.
  const pollTtlMs =
    config.timeouts.verifyDeadlineMs + config.timeouts.credentialGraceMs + 3 * config.timeouts.outboundMs;
  app.on(
    "POST",
    "/v1/verify",
    tenantLimit({
      store,
      rule: tenantRule,
      polls: { max: tenantRule.maxConcurrentVerify, ttlMs: pollTtlMs, retryAfterSeconds: 2 },
      tenantOf: verifyTenant,
      now,
    }),
  );
  // One token request and one call per workload: counted per tenant, no polling lease.
  app.on("POST", "/v1/prove", tenantLimit({ store, rule: tenantRule, tenantOf: verifyTenant, now }));
  for (const route of ["/v1/plan", "/v1/setup"]) {
    app.on("POST", route, tenantLimit({ store, rule: tenantRule, tenantOf: bearerTenant, now }));
  }

  app.route("/", healthRoutes(config));
  app.route("/", permissionsRoutes());
  app.route("/", verifyRoutes(config));
  app.route("/", proveRoutes(config));
  app.route("/", planRoutes(config));
  app.route("/", preflightRoutes(config));
  app.route("/", setupRoutes(config));
  mountDocs(app);

  const allowFor = allowedMethods(app);
  app.notFound((c) => {
    const allow = allowFor(c.req.path);
    if (allow !== undefined) return methodNotAllowed(c, allow);
    return c.json(
      errorBody("not_found", "No such route. See /docs or /openapi.json.", null, c.get("requestId")),
      404,
    );
  });
  app.onError((error, c) => {
    const { status, body, retryAfterSeconds } = mapError(error, c.get("requestId") ?? "unknown");
    if (status === 401) c.header("WWW-Authenticate", 'Bearer realm="boxafe-connect"');
    if (retryAfterSeconds !== undefined) c.header("Retry-After", String(retryAfterSeconds));
    return c.json(body, status);
  });
  return app;
}
