/**
 * POST /v1/setup: applies the plan in the caller's tenant and hands back the three values Boxafe
 * needs. A new client secret appears in this response only (Cache-Control: no-store) and is kept
 * nowhere; a re-run that finds a valid secret makes no new one.
 */
import { apply, confirmHandOver, sharePointAppInv, sharePointTenantName } from "@boxafe-connect/core";
import { createRoute } from "@hono/zod-openapi";
import type { ApiConfig } from "../config.js";
import { planFor } from "../delegated.js";
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
function sharePointHandOver(config: ApiConfig, initialDomain: string, appId: string) {
  let tenant: string;
  try {
    tenant = sharePointTenantName(initialDomain);
  } catch {
    return {};
  }
  const global = config.cloud.name === "global" || config.cloud.name === "sandbox";
  return { sharePointTenant: tenant, ...(global ? { sharePoint: sharePointAppInv(tenant, appId) } : {}) };
}

export function setupRoutes(config: ApiConfig) {
  return createRouter().openapi(route, async (c) => {
    const { deps, observed, plan } = await planFor(
      config,
      c.req.header("authorization"),
      c.req.valid("json"),
    );
    const result = await apply(deps, plan, observed);
    // The secret leaves in this response: as close to the hand-over as a server gets. A caller that
    // drops the response is told nothing more; the secret then stays unheld for the next run to replace.
    if (result.handOver !== undefined) await confirmHandOver(deps, result.handOver);
    c.header("Cache-Control", "no-store");
    c.header("Pragma", "no-cache");
    return c.json(
      {
        tenantId: observed.organization.id,
        clientId: result.application.appId,
        ...(result.secret === undefined
          ? {}
          : { clientSecret: result.secret.secretText, secretExpiresOn: result.secret.endDateTime }),
        applicationObjectId: result.application.id,
        servicePrincipalId: result.servicePrincipalId,
        actionsApplied: plan.actions.length,
        findings: jsonView(plan.findings),
        ...sharePointHandOver(config, observed.organization.initialDomain, result.application.appId),
      },
      200,
    );
  });
}
