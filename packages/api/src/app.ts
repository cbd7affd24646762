/**
 * createApp: the one Hono app behind the Node server, the Worker and the tests. Middleware order
 * matters: request id -> access log -> secure headers -> CORS -> rate limit -> body limit -> routes.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import type { ApiConfig } from "./config.js";
import { defaultClientKey } from "./config.js";
import { errorBody, mapError } from "./errors.js";
import { accessLog } from "./middleware/access-log.js";
import { rateLimit } from "./middleware/rate-limit.js";
import { createMemoryRateLimitStore } from "./middleware/rate-limit-store.js";
import type { ApiEnv } from "./router.js";
import { createRouter } from "./router.js";
import { mountDocs } from "./routes/docs.js";
import { healthRoutes } from "./routes/health.js";
import { permissionsRoutes } from "./routes/permissions.js";
import { planRoutes } from "./routes/plan.js";
import { setupRoutes } from "./routes/setup.js";
import { verifyRoutes } from "./routes/verify.js";

export function createApp(config: ApiConfig): OpenAPIHono<ApiEnv> {
  const now = () => config.runtime.clock.now();
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
      allowHeaders: ["Content-Type", "Authorization"],
      exposeHeaders: ["X-Request-Id", "Retry-After"],
      maxAge: 600,
    }),
  );
  app.use(
    rateLimit({
      store:
        config.rateLimit.store ??
        createMemoryRateLimitStore({
          capacity: config.rateLimit.capacity,
          refillPerSecond: config.rateLimit.refillPerSecond,
        }),
      clientKey: config.clientKey ?? defaultClientKey,
      now,
    }),
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

  app.route("/", healthRoutes(config));
  app.route("/", permissionsRoutes());
  app.route("/", verifyRoutes(config));
  app.route("/", planRoutes(config));
  app.route("/", setupRoutes(config));
  mountDocs(app);

  app.notFound((c) =>
    c.json(
      errorBody("not_found", "No such route. See /docs or /openapi.json.", null, c.get("requestId")),
      404,
    ),
  );
  app.onError((error, c) => {
    const { status, body } = mapError(error, c.get("requestId") ?? "unknown");
    if (status === 401) c.header("WWW-Authenticate", 'Bearer realm="boxafe-connect"');
    return c.json(body, status);
  });
  return app;
}
