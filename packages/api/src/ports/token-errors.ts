/**
 * Maps a token endpoint failure to a CoreError. Only the AADSTS number is kept (as upstreamCode);
 * the endpoint's own description is dropped so that nothing it echoes can reach a caller.
 */
import { CoreError } from "@boxafe-connect/core";

const BAD_CREDENTIAL = new Set([
  7000215, 7000222, 700016, 700027, 700024, 700023, 700212, 7000112, 50012, 50027,
]);
const TENANT_NOT_FOUND = new Set([90002, 90023, 900023]);

export function tokenEndpointError(status: number, body: unknown, retryAfter: string | null): CoreError {
  const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const codes = Array.isArray(record.error_codes)
    ? record.error_codes.filter((n) => typeof n === "number")
    : [];
  const first = codes[0];
  const upstreamCode =
    first === undefined ? (typeof record.error === "string" ? record.error : undefined) : `AADSTS${first}`;
  const options = { status, ...(upstreamCode === undefined ? {} : { upstreamCode }) };
  if (status === 429 || status === 503) {
    const wait = retryAfter === null ? "" : ` Retry after ${Number.parseInt(retryAfter, 10) || 1} s.`;
    return new CoreError("throttled", `The token service is throttling requests.${wait}`, options);
  }
  if (codes.some((c) => TENANT_NOT_FOUND.has(c))) {
    return new CoreError(
      "not_found",
      "The tenant was not found in this cloud. Check tenantId and the cloud.",
      {
        ...options,
        field: "tenantId",
      },
    );
  }
  if (
    record.error === "invalid_client" ||
    record.error === "unauthorized_client" ||
    codes.some((c) => BAD_CREDENTIAL.has(c))
  ) {
    return new CoreError(
      "invalid_client_credentials",
      "The client credentials were rejected: check clientId, and that the secret or certificate is current.",
      options,
    );
  }
  if (status >= 500) {
    return new CoreError("graph_request_failed", "The token service failed. Try again later.", options);
  }
  return new CoreError("graph_request_failed", "The token service refused the request.", options);
}
