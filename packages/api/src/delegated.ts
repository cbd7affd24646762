/**
 * What /v1/plan and /v1/setup share: the caller's delegated Graph token from the Authorization
 * header, the directory role checked first (no Graph call for a non-admin), and the admin ports
 * core's use cases run on (the body becomes core's SetupRequest through core's
 * setupRequestFromApiBody). The token is used for this request only.
 */
import type { AdminPorts } from "@boxafe-connect/core";
import { CoreError, requireAdmin } from "@boxafe-connect/core";
import type { ApiConfig } from "./config.js";
import { timedGraphPort } from "./outbound-ports.js";

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/;
const MAX_TOKEN = 16 * 1024;

export function bearerToken(header: string | undefined): string {
  const match = header !== undefined && header.length <= MAX_TOKEN + 7 ? BEARER.exec(header) : null;
  if (!match?.[1]) {
    throw new CoreError(
      "unauthenticated",
      "Send the signed-in admin's Microsoft Graph access token as `Authorization: Bearer <token>`.",
      { field: "authorization" },
    );
  }
  return match[1];
}

/** The ports core's use cases run on with the caller's delegated token (no role check). */
export function tenantPortsFor(config: ApiConfig, token: string): AdminPorts {
  return {
    graph: timedGraphPort(config.graphPortFor(token), config.timeouts.outboundMs),
    ...config.runtime,
    // An HTTP caller is waiting: bound the whole run; a Retry-After above 10 s stops the run with
    // the wait in the error (retryAfterSeconds) instead of being slept out or cut short.
    retry: {
      budgetMs: config.timeouts.retryBudgetMs,
      maxRetryAfterMs: Math.min(10_000, config.timeouts.retryBudgetMs),
    },
  };
}

/** The admin's ports: the directory role is checked first (no Graph call for a non-admin). */
export function adminPortsFor(config: ApiConfig, authorization: string | undefined): AdminPorts {
  const token = bearerToken(authorization);
  requireAdmin(token);
  return tenantPortsFor(config, token);
}
