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
  // The view is pure over static data: compute each (profile, skipRetired) once per app.
  const views = new Map<string, ReturnType<typeof permissionsView>>();
  return createRouter().openapi(route, (c) => {
    const { profile, skipRetired } = c.req.valid("query");
    const key = `${profile}:${skipRetired}`;
    let view = views.get(key);
    if (view === undefined) {
      view = permissionsView(profiles[profile], { skipRetired });
      views.set(key, view);
    }
    c.header("Cache-Control", "public, max-age=300");
    return c.json(jsonView(view), 200);
  });
}
