/**
 * POST /v1/verify: asks the configured cloud's token service for fresh client-credentials tokens
 * and reports, per permission, whether it is granted. Delegated grants are read back through Graph
 * with the app's own token when that token may read the directory. Credentials live only for
 * this request. The body maps once to core's VerifyRequest; core's verifyApp does the rest.
 */
import type { VerifyRequest } from "@boxafe-connect/core";
import { parseRequest, verifyApp, verifyRequestSchema } from "@boxafe-connect/core";
import type { z } from "@hono/zod-openapi";
import { createRoute } from "@hono/zod-openapi";
import type { ApiConfig } from "../config.js";
import { jsonView } from "../json-view.js";
import { timedAppTokenPort, timedGraphPort } from "../outbound-ports.js";
import { profiles } from "../profiles.js";
import { createRouter } from "../router.js";
import { commonErrors, upstreamErrors } from "../schemas/common.js";
import { VerificationReportSchema, VerifyBodySchema } from "../schemas/verify.js";

type VerifyBody = z.input<typeof VerifyBodySchema>;

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

/** The body as core's VerifyRequest: one credential, the API's deadline and grace, grants read back. */
function verifyRequestFromBody(config: ApiConfig, body: VerifyBody): VerifyRequest {
  return parseRequest(verifyRequestSchema, {
    tenantId: body.tenantId,
    clientId: body.clientId,
    credential: body.certificate
      ? { kind: "certificate", ...body.certificate }
      : { kind: "secret", secret: body.clientSecret ?? "" },
    profile: profiles[body.profile ?? "boxafe"],
    skipRetired: body.skipRetired ?? false,
    ...(body.sharePointTenant === undefined ? {} : { sharePointTenant: body.sharePointTenant }),
    deadlineSeconds: config.timeouts.verifyDeadlineMs / 1000,
    credentialGraceSeconds: config.timeouts.credentialGraceMs / 1000,
    // With the app's own token, when it may read the directory (core decides).
    readGrantsBack: true,
  });
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
