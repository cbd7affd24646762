/** GET /v1/health: liveness, and which cloud this instance talks to. Makes no outbound call. */
import { createRoute } from "@hono/zod-openapi";
import type { ApiConfig } from "../config.js";
import { createRouter } from "../router.js";
import { commonErrors } from "../schemas/common.js";
import { HealthSchema } from "../schemas/health.js";

const route = createRoute({
  method: "get",
  path: "/v1/health",
  operationId: "health",
  summary: "Liveness check",
  responses: {
    200: { description: "The API is up.", content: { "application/json": { schema: HealthSchema } } },
    ...commonErrors,
  },
});

export function healthRoutes(config: ApiConfig) {
  return createRouter().openapi(route, (c) =>
    c.json(
      {
        status: "ok" as const,
        cloud: config.cloud.name,
        time: new Date(config.runtime.clock.now()).toISOString(),
      },
      200,
    ),
  );
}
