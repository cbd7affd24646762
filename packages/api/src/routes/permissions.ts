/** GET /v1/permissions: the permission catalog of a profile, with advisories. Pure; no outbound call. */
import { permissionsView } from "@boxafe-connect/core";
import { createRoute } from "@hono/zod-openapi";
import { jsonView } from "../json-view.js";
import { profiles } from "../profiles.js";
import { createRouter } from "../router.js";
import { commonErrors } from "../schemas/common.js";
import { PermissionsQuerySchema, PermissionsViewSchema } from "../schemas/permissions.js";

const route = createRoute({
  method: "get",
  path: "/v1/permissions",
  operationId: "listPermissions",
  summary: "The permissions Boxafe needs, per resource, with retirement advisories",
  request: { query: PermissionsQuerySchema },
  responses: {
    200: {
      description: "Same JSON as `boxafe-connect permissions --json`.",
      content: { "application/json": { schema: PermissionsViewSchema } },
    },
    ...commonErrors,
  },
});

export function permissionsRoutes() {
  return createRouter().openapi(route, (c) => {
    const query = c.req.valid("query");
    c.header("Cache-Control", "public, max-age=300");
    return c.json(
      jsonView(permissionsView(profiles[query.profile], { skipRetired: query.skipRetired })),
      200,
    );
  });
}
