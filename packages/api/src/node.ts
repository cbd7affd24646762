/**
 * @module Node entry: the app on @hono/node-server with msal-node for app tokens and the Graph SDK
 * for $batch (both from @boxafe-connect/runtime). Limits count in one in-process store: a single
 * instance. Several Node instances behind a balancer each count on their own (run one, or deploy
 * to Workers where the Durable Object is the one counter). Unauthenticated callers are keyed by
 * the socket address, or by the client address a trusted proxy forwarded (TRUSTED_PROXIES).
 */
import type { AddressInfo } from "node:net";
import {
  createFetchHttpPort,
  createGraphPort,
  createMsalAppTokenPort,
  nodePorts,
} from "@boxafe-connect/runtime";
import { serve } from "@hono/node-server";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { createApp } from "./app.js";
import type { AccessLogger, ApiConfig } from "./config.js";
import type { ApiSettings } from "./env-config.js";
import { resolveSettings } from "./env-config.js";
import { createMemoryLimitStore } from "./limits/limit-store.js";
import { forwardedClient } from "./middleware/forwarded-client.js";
import type { ApiEnv } from "./router.js";

export interface NodeApiOptions {
  /** Cloud, limits and CORS as strings, the same names as the Worker's bindings. */
  readonly settings?: ApiSettings;
  /** Replaces whole config fields (tests and the bench inject ports here). */
  readonly overrides?: Partial<ApiConfig>;
  /** Default: one JSON line per request on stderr. */
  readonly logger?: AccessLogger;
}

export function createNodeApp(options: NodeApiOptions = {}): OpenAPIHono<ApiEnv> {
  const settings = resolveSettings(options.settings ?? {});
  const { cloud, timeouts } = settings;
  return createApp({
    ...settings,
    limitStore: createMemoryLimitStore(),
    appTokenPort: createMsalAppTokenPort({ authorityHost: cloud.authorityHost }),
    graphPortFor: (accessToken) =>
      createGraphPort({
        baseUrl: cloud.graphBaseUrl,
        getAccessToken: async () => accessToken,
        fetchTimeoutMs: timeouts.outboundMs,
      }),
    http: createFetchHttpPort({ timeoutMs: timeouts.outboundMs }),
    runtime: nodePorts(),
    logger: options.logger ?? ((entry) => process.stderr.write(`${JSON.stringify(entry)}\n`)),
    clientKey: (c) => {
      let peer: string | undefined;
      try {
        peer = getConnInfo(c).remote.address;
      } catch {
        peer = undefined;
      }
      return `ip:${forwardedClient(peer, c.req.header("x-forwarded-for"), settings.trustedProxies) ?? "unknown"}`;
    },
    ...options.overrides,
  });
}

export interface RunningApi {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 by default; port 0 picks a free port. */
export function startApiServer(
  options: NodeApiOptions & { readonly port?: number; readonly hostname?: string } = {},
): Promise<RunningApi> {
  const app = createNodeApp(options);
  const hostname = options.hostname ?? "127.0.0.1";
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port ?? 0, hostname }, (info: AddressInfo) => {
      const host = info.family === "IPv6" ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done, fail) => {
            if ("closeAllConnections" in server) server.closeAllConnections();
            server.close((error) => (error ? fail(error) : done()));
          }),
      });
    });
    server.once("error", reject);
  });
}
