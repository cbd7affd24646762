/** POST /v1/plan: what setup would change in the caller's tenant (a dry run; writes nothing). */
import { describeAction } from "@boxafe-connect/core";
import { createRoute } from "@hono/zod-openapi";
import type { ApiConfig } from "../config.js";
import { planFor } from "../delegated.js";
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
    const { observed, plan } = await planFor(config, c.req.header("authorization"), c.req.valid("json"));
    c.header("Cache-Control", "no-store");
    return c.json(
      {
        tenant: observed.organization,
        actions: jsonView(plan.actions),
        steps: plan.actions.map(describeAction),
        findings: jsonView(plan.findings),
        upToDate: plan.actions.length === 0,
      },
      200,
    );
  });
}
