/**
 * POST /v1/preflight: core's preflight on the caller's tenant (read-only). The caller's delegated Graph token is
 * used as sent: the API cannot ask for more scopes, so without Policy.Read.All in it the policy checks come back
 * `unknown` with the reason. A failing check is a 200 with `ok: false` (it is the report, not an error).
 */
import type { EngineDeps } from "@boxafe-connect/core";
import { observe, preflight, uniqueNameFor } from "@boxafe-connect/core";
import { createRoute } from "@hono/zod-openapi";
import type { ApiConfig } from "../config.js";
import { bearerToken } from "../delegated.js";
import { timedGraphPort } from "../outbound-ports.js";
import { profileFor } from "../profiles.js";
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
    const body = c.req.valid("json");
    const token = bearerToken(c.req.header("authorization"));
    const deps: EngineDeps = {
      graph: timedGraphPort(config.graphPortFor(token), config.timeouts.outboundMs),
      ...config.runtime,
      retry: {
        budgetMs: config.timeouts.retryBudgetMs,
        maxRetryAfterMs: Math.min(10_000, config.timeouts.retryBudgetMs),
      },
    };
    const appKey =
      body.appId === undefined ? { uniqueName: uniqueNameFor(body.displayName) } : { appId: body.appId };
    const { permissions } = profileFor(body.profile, body.skipRetired);
    const observed = await observe(deps, appKey);
    const result = await preflight(
      { ...deps, policyGraph: async () => deps.graph },
      {
        accessToken: token,
        observed,
        permissions,
        signedInWith: "browser",
        credentials: { secretDays: body.secretLifetimeDays },
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
