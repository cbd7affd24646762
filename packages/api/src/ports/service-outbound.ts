/**
 * Outbound HTTP for the workload proofs (/v1/prove): Graph `GET /users` for the Graph proof, the
 * cloud's EWS host and the tenant's SharePoint host (its name comes in the request, so any
 * `{name}.sharepoint.com` of this cloud, and nothing that merely ends like one). Everything else is
 * refused before a byte leaves, as createOutbound does for the token and Graph ports.
 */
import type { CloudEndpoints } from "@boxafe-connect/core";
import { createOutbound, type FetchLike } from "./outbound.js";

export function createServiceOutbound(
  cloud: CloudEndpoints,
  fetchFn: FetchLike,
  timeoutMs: number,
): FetchLike {
  return createOutbound({
    fetch: fetchFn,
    allowedOrigins: [cloud.graphBaseUrl, cloud.exchangeBaseUrl, cloud.sharePointBaseUrl("tenant")],
    allowHttpsHost: (host) => {
      const label = host.split(".")[0] ?? "";
      return /^[a-z0-9-]{1,63}$/.test(label) && host === cloud.sharePointHost(label);
    },
    timeoutMs,
  });
}
