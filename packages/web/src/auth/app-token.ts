import type { AppTokenPort, AppTokenRequest } from "@boxafe-connect/core";
import { CoreError, tokenError, tokenFailureFromBody } from "@boxafe-connect/core";

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
        throw tokenError({ network: true }, `app ${request.clientId}`, cause);
      }
      const json: unknown = await res.json().catch(() => ({}));
      if (res.ok && typeof json === "object" && json !== null) {
        const token = (json as Record<string, unknown>).access_token;
        if (typeof token === "string") return token;
      }
      // Core's classifier (the same answer as the CLI and the API); Entra's description is dropped.
      throw tokenError(tokenFailureFromBody(res.status, json), `app ${request.clientId}`);
    },
  };
}
