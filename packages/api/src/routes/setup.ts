/**
 * POST /v1/setup: applies the plan in the caller's tenant and hands back the three values Boxafe
 * needs. A new client secret appears in this response only (Cache-Control: no-store) and is kept
 * nowhere; a re-run that finds a valid secret makes no new one.
 */
import {
  CoreError,
  setup,
  setupRequestFromApiBody,
  sharePointAppInv,
  sharePointNameOf,
} from "@boxafe-connect/core";
import { createRoute } from "@hono/zod-openapi";
import type { ApiConfig } from "../config.js";
import { adminPortsFor } from "../delegated.js";
import { jsonView } from "../json-view.js";
import { createRouter } from "../router.js";
import { commonErrors, upstreamErrors } from "../schemas/common.js";
import { SetupBodySchema, SetupResponseSchema } from "../schemas/setup.js";

const route = createRoute({
  method: "post",
  path: "/v1/setup",
  operationId: "runSetup",
  summary: "Register or repair the app, grant consent, and return its credentials once",
  security: [{ bearer: [] }],
  request: { body: { required: true, content: { "application/json": { schema: SetupBodySchema } } } },
  responses: {
    200: {
      description: "Done. `clientSecret` is present only when a new secret was made.",
      content: { "application/json": { schema: SetupResponseSchema } },
    },
    ...commonErrors,
    ...upstreamErrors,
  },
});

/** The SharePoint name (for /v1/verify) and, on the global cloud, the guide's optional appinv step. */
function sharePointHandOver(config: ApiConfig, tenant: string | undefined, appId: string) {
  if (tenant === undefined) return {};
  const global = config.cloud.name === "global" || config.cloud.name === "sandbox";
  return { sharePointTenant: tenant, ...(global ? { sharePoint: sharePointAppInv(tenant, appId) } : {}) };
}

function present(value: string | null, what: string): string {
  if (value === null)
    throw new CoreError("internal_error", `Setup finished without a ${what}; run it again.`);
  return value;
}

export function setupRoutes(config: ApiConfig) {
  return createRouter().openapi(route, async (c) => {
    const request = setupRequestFromApiBody(c.req.valid("json"));
    // core's setup use case; no proof here (the caller verifies once consent has replicated).
    const result = await setup(adminPortsFor(config, c.req.header("authorization")), request);
    c.header("Cache-Control", "no-store");
    c.header("Pragma", "no-cache");
    return c.json(
      {
        tenantId: result.tenantId,
        clientId: result.clientId,
        ...(result.secret === undefined
          ? {}
          : { clientSecret: result.secret.secretText, secretExpiresOn: result.secret.endDateTime }),
        applicationObjectId: present(result.applicationObjectId, "application object"),
        servicePrincipalId: present(result.servicePrincipalId, "service principal"),
        actionsApplied: result.summary.total,
        findings: jsonView(result.summary.findings),
        ...sharePointHandOver(config, sharePointNameOf(result.observed), result.clientId),
      },
      200,
    );
  });
}
