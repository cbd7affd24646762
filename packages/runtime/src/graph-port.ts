/**
 * GraphPort on @microsoft/microsoft-graph-client: one POST /$batch per call. The SDK's own retry is
 * switched off: core's batch runner owns retries (per sub-request, budgeted, on the injected clock).
 */
import { type GraphPort, type GraphSdkClient, graphPortFromClient } from "@boxafe-connect/core";
import { type AuthProviderCallback, Client, RetryHandlerOptions } from "@microsoft/microsoft-graph-client";

export interface GraphPortOptions {
  /** Graph service root without version, e.g. https://graph.microsoft.com or the sandbox origin. */
  readonly baseUrl: string;
  /** The signed-in admin's token; its errors (e.g. CoreError token_expired) pass through unchanged. */
  readonly getAccessToken: () => Promise<string>;
  /** Abort a $batch call that takes longer than this (default 60 s); reported as a lost response. */
  readonly fetchTimeoutMs?: number;
}

export function createGraphPort(options: GraphPortOptions): GraphPort {
  const url = new URL(options.baseUrl);
  let token = "";
  const client = Client.init({
    authProvider: (done: AuthProviderCallback) => done(null, token),
    baseUrl: `${url.origin}/`,
    defaultVersion: "v1.0",
    // The SDK sends the token only to hosts it knows; the sandbox (or a proxy) must be named.
    customHosts: new Set([url.hostname]),
  });
  const timeoutMs = options.fetchTimeoutMs ?? 60_000;
  const structural: GraphSdkClient = {
    api: (path) =>
      client
        .api(path)
        .middlewareOptions([new RetryHandlerOptions(0, 0)])
        .option("signal", AbortSignal.timeout(timeoutMs)),
  };
  const port = graphPortFromClient(structural);
  return {
    async batch(requests) {
      // Fetched here, not inside the SDK's auth callback, so a token failure is not mistaken for a lost response.
      token = await options.getAccessToken();
      return port.batch(requests);
    },
  };
}
