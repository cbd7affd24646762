/**
 * @module Cloudflare Workers entry. Builds the app once per isolate from env bindings; tokens by a
 * fetch-based client-credentials call (msal-node cannot run in workerd), Graph by a fetch $batch.
 * No node:* import anywhere below this file: the neutral-platform esbuild bundle is the guard.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { createApp } from "./app.js";
import type { ApiConfig } from "./config.js";
import type { ApiSettings } from "./env-config.js";
import { resolveSettings } from "./env-config.js";
import { createFetchAppTokenPort } from "./ports/fetch-app-token.js";
import { createFetchGraphPort } from "./ports/fetch-graph.js";
import { createOutbound } from "./ports/outbound.js";
import type { ApiEnv } from "./router.js";

/** `overrides` replace whole config fields (tests pass a logger). */
export function createWorkerApp(env: ApiSettings, overrides: Partial<ApiConfig> = {}): OpenAPIHono<ApiEnv> {
  const settings = resolveSettings(env);
  const outbound = createOutbound({
    fetch: (input, init) => fetch(input, init),
    allowedOrigins: [settings.cloud.authorityHost, settings.cloud.graphBaseUrl],
    timeoutMs: settings.timeouts.outboundMs,
  });
  const now = () => Date.now();
  return createApp({
    ...settings,
    appTokenPort: createFetchAppTokenPort({
      authorityHost: settings.cloud.authorityHost,
      fetch: outbound,
      now,
    }),
    graphPortFor: (accessToken) =>
      createFetchGraphPort({ graphBaseUrl: settings.cloud.graphBaseUrl, accessToken, fetch: outbound }),
    runtime: {
      clock: { now },
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      random: Math.random,
    },
    logger: (entry) => console.log(JSON.stringify(entry)),
    ...overrides,
  });
}

let cached: { env: ApiSettings; app: OpenAPIHono<ApiEnv> } | undefined;

export default {
  fetch(request: Request, env: ApiSettings): Response | Promise<Response> {
    if (cached?.env !== env) cached = { env, app: createWorkerApp(env) };
    return cached.app.fetch(request, env);
  },
};
