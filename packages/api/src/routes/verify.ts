/**
 * POST /v1/verify: asks the configured cloud's token service for fresh client-credentials tokens
 * and reports, per permission, whether it is granted. Delegated grants are read back through Graph
 * with the app's own token when that token may read the directory. Credentials live only for
 * this request. The body maps once to core's VerifyRequest; core's verifyApp does the rest.
 */
import type { VerifyRequest } from "@boxafe-connect/core";
import { validateTenantId, verifyApp } from "@boxafe-connect/core";
import type { z } from "@hono/zod-openapi";
import { createRoute } from "@hono/zod-openapi";
import type { ApiConfig } from "../config.js";
import { jsonView } from "../json-view.js";
import { timedAppTokenPort, timedGraphPort } from "../outbound-ports.js";
import { profiles } from "../profiles.js";
import { createRouter } from "../router.js";
import { commonErrors, upstreamErrors } from "../schemas/common.js";
import { VerificationReportSchema, VerifyBodySchema } from "../schemas/verify.js";

type VerifyBody = z.output<typeof VerifyBodySchema>;

const route = createRoute({
  method: "post",
  path: "/v1/verify",
  operationId: "verifyCredentials",
  summary: "Prove an app's credentials and permissions with real tokens (nothing is stored)",
  request: { body: { required: true, content: { "application/json": { schema: VerifyBodySchema } } } },
  responses: {
    200: {
      description:
        "Per-permission report; `complete` is true when every permission is granted. A rejected credential is reported in `tokens[].error` (code invalid_client_credentials).",
      content: { "application/json": { schema: VerificationReportSchema } },
    },
    ...commonErrors,
    ...upstreamErrors,
  },
});

/**
 * The body as core's VerifyRequest. The body schema already said exactly what this route takes
 * (the OpenAPI document is the contract), so the mapping builds the request rather than parsing
 * it again with core's stricter text checks: a credential that is not one is the token check's
 * answer in the report, as before.
 */
function verifyRequestFromBody(config: ApiConfig, body: VerifyBody): VerifyRequest {
  return {
    tenantId: validateTenantId(body.tenantId),
    clientId: body.clientId.toLowerCase(),
    credential: body.certificate
      ? { kind: "certificate", ...body.certificate }
      : { kind: "secret", secret: body.clientSecret ?? "" },
    profile: profiles[body.profile],
    skipRetired: body.skipRetired,
    ...(body.sharePointTenant === undefined ? {} : { sharePointTenant: body.sharePointTenant.toLowerCase() }),
    deadlineSeconds: config.timeouts.verifyDeadlineMs / 1000,
    credentialGraceSeconds: config.timeouts.credentialGraceMs / 1000,
    // With the app's own token, when it may read the directory (core decides).
    readGrantsBack: true,
  };
}

export function verifyRoutes(config: ApiConfig) {
  return createRouter().openapi(route, async (c) => {
    const request = verifyRequestFromBody(config, c.req.valid("json"));
    const graphOn = (token: string) => timedGraphPort(config.graphPortFor(token), config.timeouts.outboundMs);
    const { report } = await verifyApp(
      {
        ...config.runtime,
        appToken: timedAppTokenPort(config.appTokenPort, config.timeouts.outboundMs),
        cloud: config.cloud,
        appGraph: graphOn,
      },
      request,
    );
    c.header("Cache-Control", "no-store");
    return c.json(jsonView(report), 200);
  });
}
