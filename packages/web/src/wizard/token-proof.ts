/**
 * The token proof through this deployment's API: one POST of the new secret to /v1/verify, which
 * asks Entra for the app's own client-credentials tokens server-side (no browser-side redemption,
 * which Entra refuses cross-origin for a non-SPA client: AADSTS9002326) and keeps nothing. The page
 * calls a same-origin path (`verifyApi` in /config.json); the page's server adds the partner key,
 * so no API key ever reaches the browser.
 */
import type { ErrorCode, VerificationReport } from "@boxafe-connect/core";
import { ErrorCode as Codes, CoreError } from "@boxafe-connect/core";

const KNOWN = new Set<string>(Object.values(Codes));

export async function proveTokensViaApi(
  verifyApi: string,
  body: { tenantId: string; clientId: string; clientSecret: string; sharePointTenant?: string },
  fetchFn: typeof fetch = fetch,
): Promise<VerificationReport> {
  let res: Response;
  try {
    res = await fetchFn(verifyApi, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch (cause) {
    throw new CoreError("unreachable", "The verification service of this page could not be reached.", {
      cause,
    });
  }
  const json: unknown = await res.json().catch(() => undefined);
  if (
    res.ok &&
    typeof json === "object" &&
    json !== null &&
    Array.isArray((json as VerificationReport).items)
  ) {
    return json as VerificationReport;
  }
  const error = (typeof json === "object" && json !== null ? json : {}) as {
    code?: unknown;
    message?: unknown;
  };
  const code =
    typeof error.code === "string" && KNOWN.has(error.code)
      ? (error.code as ErrorCode)
      : "graph_request_failed";
  const retry = Number(res.headers.get("retry-after"));
  throw new CoreError(
    code,
    typeof error.message === "string" ? error.message : `The verification service answered ${res.status}.`,
    { status: res.status, ...(Number.isFinite(retry) && retry > 0 ? { retryAfterSeconds: retry } : {}) },
  );
}
