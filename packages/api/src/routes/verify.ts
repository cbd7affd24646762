/**
 * POST /v1/verify: asks the configured cloud's token service for fresh client-credentials tokens
 * and reports, per permission, whether it is granted. Delegated grants are read back through Graph
 * with the app's own token when that token may read the directory. Credentials live only for
 * this request.
 */
import type { AppTokenPort, ClientCredential, GraphPort } from "@boxafe-connect/core";
import { audienceFor, canReadDirectory, isCoreError, validateTenantId, verify } from "@boxafe-connect/core";
import { createRoute } from "@hono/zod-openapi";
import { decodeJwt } from "jose";
import type { ApiConfig } from "../config.js";
import { jsonView } from "../json-view.js";
import { timedAppTokenPort, timedGraphPort } from "../outbound-ports.js";
import { profileFor } from "../profiles.js";
import { createRouter } from "../router.js";
import { commonErrors, upstreamErrors } from "../schemas/common.js";
import { VerificationReportSchema, VerifyBodySchema } from "../schemas/verify.js";

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

interface AppIdentity {
  readonly tenantId: string;
  readonly clientId: string;
  readonly credential: ClientCredential;
}

/** A Graph port on the app's own token, or undefined when the token cannot read the directory. */
async function directoryReader(
  config: ApiConfig,
  appToken: AppTokenPort,
  who: AppIdentity,
): Promise<GraphPort | undefined> {
  const resource = audienceFor("microsoft-graph", config.cloud, undefined);
  if (resource === undefined) return undefined;
  try {
    const token = await appToken.acquire({ ...who, resource });
    if (!canReadDirectory(decodeJwt(token).roles)) return undefined;
    return timedGraphPort(config.graphPortFor(token), config.timeouts.outboundMs);
  } catch (error) {
    // The report's token checks will show why; no directory read-back then.
    if (isCoreError(error)) return undefined;
    throw error;
  }
}

export function verifyRoutes(config: ApiConfig) {
  return createRouter().openapi(route, async (c) => {
    const body = c.req.valid("json");
    const who: AppIdentity = {
      tenantId: validateTenantId(body.tenantId),
      clientId: body.clientId.toLowerCase(),
      credential: body.certificate
        ? { kind: "certificate", ...body.certificate }
        : { kind: "secret", secret: body.clientSecret ?? "" },
    };
    const appToken = timedAppTokenPort(config.appTokenPort, config.timeouts.outboundMs);
    const graph = await directoryReader(config, appToken, who);
    const { permissions } = profileFor(body.profile, body.skipRetired);
    const report = await verify(
      {
        appToken,
        ...(graph === undefined ? {} : { graph }),
        // Without sharePointTenant, core reads the initial domain with the app's own Graph token.
        appGraph: (token) => timedGraphPort(config.graphPortFor(token), config.timeouts.outboundMs),
        ...config.runtime,
      },
      {
        ...who,
        permissions,
        ...(body.sharePointTenant === undefined
          ? {}
          : { sharePointTenant: body.sharePointTenant.toLowerCase() }),
        cloud: config.cloud,
        deadlineMs: config.timeouts.verifyDeadlineMs,
        credentialGraceMs: config.timeouts.credentialGraceMs,
      },
    );
    c.header("Cache-Control", "no-store");
    return c.json(jsonView(report), 200);
  });
}
