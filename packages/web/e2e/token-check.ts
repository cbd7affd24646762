/** Client credentials with a secret, straight at the sandbox's token endpoint, as Boxafe 1.4 asks. */
import type { RunningSandbox } from "@boxafe-connect/sandbox";
import type { BrowserContext } from "playwright-core";

export const GRAPH = "https://graph.microsoft.com";

export async function secretToken(
  context: BrowserContext,
  sandbox: RunningSandbox,
  clientId: string,
  secret: string,
  resource = GRAPH,
): Promise<{ status: number; error?: string }> {
  const res = await context.request.post(`${sandbox.url}/${sandbox.tenantId}/oauth2/v2.0/token`, {
    form: {
      grant_type: "client_credentials",
      client_id: clientId,
      client_secret: secret,
      scope: `${resource}/.default`,
    },
  });
  const body = (await res.json()) as { error?: string };
  // Only the status and Entra's error code leave this helper: never the token or the secret.
  return { status: res.status(), ...(body.error ? { error: body.error } : {}) };
}
