/**
 * The token proof through this deployment's API: one POST of the new secret to /v1/verify, which
 * asks Entra for the app's own client-credentials tokens server-side (no browser-side redemption,
 * which Entra refuses cross-origin for a non-SPA client: AADSTS9002326) and keeps nothing. The page
 * calls a same-origin path (`verifyApi` in /config.json); the page's server adds the partner key,
 * so no API key ever reaches the browser.
 */
import type { VerificationReport } from "@boxafe-connect/core";
import { callPageService, postJson, serviceFailure } from "../page-service.js";

export async function proveTokensViaApi(
  verifyApi: string,
  body: { tenantId: string; clientId: string; clientSecret: string; sharePointTenant?: string },
  fetchFn: typeof fetch = fetch,
): Promise<VerificationReport> {
  const answer = await callPageService("verification service", verifyApi, postJson(body), fetchFn);
  const json = answer.json;
  if (
    answer.res.ok &&
    typeof json === "object" &&
    json !== null &&
    Array.isArray((json as VerificationReport).items)
  ) {
    return json as VerificationReport;
  }
  throw serviceFailure("verification service", answer, "graph_request_failed", { retryAfter: true });
}
