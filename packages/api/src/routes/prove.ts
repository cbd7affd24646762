/**
 * POST /v1/prove: core's workload proof (proveApp) as the app, for a caller that holds no private key
 * (the web page signs the assertions itself and keeps the key): Graph `GET /users?$top=1`, SharePoint
 * `GET /_api/web`, EWS `GetFolder`. Each assertion is checked (core's proveInput) and redeemed once;
 * nothing is stored. A refusal is the report's answer (blocked with why and fix), not an error.
 */
import { parseRequest, proveApp, proveInput, proveRequestSchema } from "@boxafe-connect/core";
import { createRoute } from "@hono/zod-openapi";
import type { ApiConfig } from "../config.js";
import { jsonView } from "../json-view.js";
import { timedAppTokenPort } from "../outbound-ports.js";
import { createRouter } from "../router.js";
import { commonErrors, upstreamErrors } from "../schemas/common.js";
import { ProveBodySchema, ProveReportSchema } from "../schemas/prove.js";

const route = createRoute({
  method: "post",
  path: "/v1/prove",
  operationId: "proveWorkloads",
  summary: "Prove each workload (Graph, SharePoint REST, EWS) by a real call as the app (nothing is stored)",
  request: { body: { required: true, content: { "application/json": { schema: ProveBodySchema } } } },
  responses: {
    200: {
      description:
        "Per workload works, blocked (why and the fix) or pending; `readiness` is the honest end in words.",
      content: { "application/json": { schema: ProveReportSchema } },
    },
    ...commonErrors,
    ...upstreamErrors,
  },
});

export function proveRoutes(config: ApiConfig) {
  return createRouter().openapi(route, async (c) => {
    const request = parseRequest(proveRequestSchema, c.req.valid("json"));
    const input = proveInput(request, {
      cloud: config.cloud,
      nowSeconds: Math.floor(config.runtime.clock.now() / 1000),
    });
    const result = await proveApp(
      {
        http: config.http,
        appToken: timedAppTokenPort(config.appTokenPort, config.timeouts.outboundMs),
        cloud: config.cloud,
      },
      input,
    );
    c.header("Cache-Control", "no-store");
    return c.json(
      jsonView({
        graph: result.graph,
        exchange: result.exchange,
        sharepoint: result.sharepoint,
        ready: result.ready,
        readiness: result.readiness,
      }),
      200,
    );
  });
}
