/**
 * @module Cloudflare Workers entry. Builds the app once per isolate from env bindings; tokens by a
 * fetch-based client-credentials call (msal-node cannot run in workerd), Graph by a fetch $batch.
 * No node:* import anywhere below this file: the neutral-platform esbuild bundle is the guard.
 * Limits count in the LimitCounter Durable Object (binding LIMITS), which this module exports for
 * wrangler; API keys come from the API_KEYS secret (`wrangler secret put API_KEYS`).
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { createApp } from "./app.js";
import type { ApiConfig } from "./config.js";
import type { ApiSettings } from "./env-config.js";
import { resolveSettings } from "./env-config.js";
import type { DurableObjectNamespaceLike } from "./limits/durable-limit-store.js";
import { createDurableLimitStore } from "./limits/durable-limit-store.js";
import { createFetchAppTokenPort } from "./ports/fetch-app-token.js";
import { createFetchGraphPort } from "./ports/fetch-graph.js";
import { createFetchHttpPortOn } from "./ports/fetch-http.js";
import { createOutbound } from "./ports/outbound.js";
import { createServiceOutbound } from "./ports/service-outbound.js";
import type { ApiEnv } from "./router.js";

export { LimitCounter } from "./limits/limit-counter-object.js";

/** The Worker's bindings: the string settings plus the Durable Object namespace of the limits. */
export interface WorkerEnv extends ApiSettings {
  readonly LIMITS?: DurableObjectNamespaceLike;
}

/**
 * `overrides` replace whole config fields (tests pass a logger, or a limitStore when they run the
 * Worker's ports in Node without Durable Objects). Without either a LIMITS binding or a limitStore
 * this throws: a Worker must not fall back to per-isolate counting silently.
 */
export function createWorkerApp(env: WorkerEnv, overrides: Partial<ApiConfig> = {}): OpenAPIHono<ApiEnv> {
  const settings = resolveSettings(env);
  const limitStore = overrides.limitStore ?? (env.LIMITS ? createDurableLimitStore(env.LIMITS) : undefined);
  if (limitStore === undefined) {
    throw new Error("The Worker needs its LIMITS Durable Object binding (see wrangler.toml).");
  }
  const outbound = createOutbound({
    fetch: (input, init) => fetch(input, init),
    allowedOrigins: [settings.cloud.authorityHost, settings.cloud.graphBaseUrl],
    timeoutMs: settings.timeouts.outboundMs,
  });
  const services = createServiceOutbound(
    settings.cloud,
    (input, init) => fetch(input, init),
    settings.timeouts.outboundMs,
  );
  const now = () => Date.now();
  return createApp({
    ...settings,
    limitStore,
    appTokenPort: createFetchAppTokenPort({
      authorityHost: settings.cloud.authorityHost,
      fetch: outbound,
      now,
    }),
    graphPortFor: (accessToken) =>
      createFetchGraphPort({ graphBaseUrl: settings.cloud.graphBaseUrl, accessToken, fetch: outbound }),
    http: createFetchHttpPortOn(services),
    runtime: {
      clock: { now },
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      random: Math.random,
    },
    logger: (entry) => console.log(JSON.stringify(entry)),
    ...overrides,
  });
}

let cached: { env: WorkerEnv; app: OpenAPIHono<ApiEnv> } | undefined;

export default {
  fetch(request: Request, env: WorkerEnv): Response | Promise<Response> {
    if (cached?.env !== env) cached = { env, app: createWorkerApp(env) };
    return cached.app.fetch(request, env);
  },
};
