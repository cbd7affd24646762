/**
 * POST /v1/preflight: core's preflight on the caller's tenant (read-only). The caller's delegated Graph token is
 * used as sent: the API cannot ask for more scopes, so without Policy.Read.All in it the policy checks come back
 * `unknown` with the reason. A failing check is a 200 with `ok: false` (it is the report, not an error).
 */
import {
  appKeyOf,
  DEFAULT_SECRET_DAYS,
  observe,
  permissionsOf,
  preflight,
  setupRequestFromApiBody,
} from "@boxafe-connect/core";
import { createRoute } from "@hono/zod-openapi";
import type { ApiConfig } from "../config.js";
import { bearerToken, tenantPortsFor } from "../delegated.js";
import { createRouter } from "../router.js";
import { commonErrors, upstreamErrors } from "../schemas/common.js";
import { PreflightResponseSchema } from "../schemas/preflight.js";
import { SetupBodySchema } from "../schemas/setup.js";

const route = createRoute({
  method: "post",
  path: "/v1/preflight",
  operationId: "preflight",
  summary: "The tenant's rules before any write: roles, app registration, credential policies, device code",
  security: [{ bearer: [] }],
  request: { body: { required: true, content: { "application/json": { schema: SetupBodySchema } } } },
  responses: {
    200: {
      description: "Every check with its status, evidence and fix; ok is false when one fails.",
      content: { "application/json": { schema: PreflightResponseSchema } },
    },
    ...commonErrors,
    ...upstreamErrors,
  },
});

export function preflightRoutes(config: ApiConfig) {
  return createRouter().openapi(route, async (c) => {
    const request = setupRequestFromApiBody(c.req.valid("json"));
    const token = bearerToken(c.req.header("authorization"));
    const ports = tenantPortsFor(config, token);
    const observed = await observe(ports, appKeyOf(request));
    const result = await preflight(
      { ...ports, policyGraph: async () => ports.graph },
      {
        accessToken: token,
        observed,
        permissions: permissionsOf(request),
        signedInWith: "browser",
        credentials: { secretDays: request.secretLifetimeDays ?? DEFAULT_SECRET_DAYS },
      },
    );
    c.header("Cache-Control", "no-store");
    return c.json(
      {
        tenant: observed.organization,
        ok: result.ok,
        checks: result.checks.map((check) => ({ ...check })),
        credentials: { ...result.credentials, reasons: [...result.credentials.reasons] },
        signInFlow: result.signInFlow,
      },
      200,
    );
  });
}
