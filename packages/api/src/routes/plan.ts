/** POST /v1/plan: what setup would change in the caller's tenant (core's prepare; writes nothing). */
import { prepare, setupRequestFromApiBody } from "@boxafe-connect/core";
import { createRoute } from "@hono/zod-openapi";
import type { ApiConfig } from "../config.js";
import { adminPortsFor } from "../delegated.js";
import { jsonView } from "../json-view.js";
import { createRouter } from "../router.js";
import { commonErrors, upstreamErrors } from "../schemas/common.js";
import { PlanResponseSchema, SetupBodySchema } from "../schemas/setup.js";

const route = createRoute({
  method: "post",
  path: "/v1/plan",
  operationId: "planSetup",
  summary: "Dry run: the actions setup would take in the signed-in admin's tenant",
  security: [{ bearer: [] }],
  request: { body: { required: true, content: { "application/json": { schema: SetupBodySchema } } } },
  responses: {
    200: {
      description: "The plan; empty actions = nothing to do.",
      content: { "application/json": { schema: PlanResponseSchema } },
    },
    ...commonErrors,
    ...upstreamErrors,
  },
});

export function planRoutes(config: ApiConfig) {
  return createRouter().openapi(route, async (c) => {
    const request = setupRequestFromApiBody(c.req.valid("json"));
    const prepared = await prepare(adminPortsFor(config, c.req.header("authorization")), request);
    c.header("Cache-Control", "no-store");
    return c.json(
      {
        tenant: prepared.observed.organization,
        actions: jsonView(prepared.plan.actions),
        steps: [...prepared.summary.actions],
        findings: jsonView(prepared.plan.findings),
        upToDate: prepared.summary.total === 0,
      },
      200,
    );
  });
}
