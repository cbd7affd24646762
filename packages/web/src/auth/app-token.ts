import type { AppTokenPort, AppTokenRequest } from "@boxafe-connect/core";
import { CoreError } from "@boxafe-connect/core";

/**
 * Client-credentials tokens from the browser for verification: one POST to the token endpoint,
 * never cached, so new roles show at once. Works against the sandbox (same origin); Microsoft's
 * token endpoint may refuse cross-origin client-credentials calls, in which case verify from the CLI.
 */
export function browserAppTokenPort(authorityOrigin: string, fetchFn: typeof fetch = fetch): AppTokenPort {
  return {
    async acquire(request: AppTokenRequest): Promise<string> {
      if (request.credential.kind !== "secret") {
        throw new CoreError(
          "invalid_input",
          "The web page verifies with a client secret only; use the CLI for certificates.",
          {
            field: "credential",
          },
        );
      }
      const body = new URLSearchParams({
        grant_type: "client_credentials",
        client_id: request.clientId,
        client_secret: request.credential.secret,
        scope: `${request.resource}/.default`,
      });
      let res: Response;
      try {
        res = await fetchFn(`${authorityOrigin}/${encodeURIComponent(request.tenantId)}/oauth2/v2.0/token`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body,
        });
      } catch (cause) {
        throw new CoreError(
          "unreachable",
          "The token endpoint could not be reached; check the connection and try again.",
          {
            cause,
          },
        );
      }
      const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
      if (res.ok && typeof json.access_token === "string") return json.access_token;
      const upstream =
        typeof json.error_codes === "object" && Array.isArray(json.error_codes)
          ? `AADSTS${json.error_codes[0]}`
          : String(json.error ?? res.status);
      const code =
        json.error === "invalid_client" || json.error === "unauthorized_client"
          ? "invalid_client_credentials"
          : "graph_request_failed";
      // The description may echo request details, never the secret; keep only its first line.
      const description =
        typeof json.error_description === "string" ? json.error_description.split(/\r?\n/)[0] : "";
      throw new CoreError(
        code,
        `The token service refused the app's credentials (${upstream}). ${description}`.trim(),
        {
          status: res.status,
          upstreamCode: upstream,
        },
      );
    },
  };
}
