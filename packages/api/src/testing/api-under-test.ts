/**
 * The API on a local port for the sandbox tests, with its access log captured: the Node entry
 * (msal-node, Graph SDK) or the Worker's fetch ports run in Node (no Durable Objects here, so the
 * in-memory limit store).
 */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { AccessLogEntry } from "../config.js";
import type { ApiSettings } from "../env-config.js";
import { createMemoryLimitStore } from "../limits/limit-store.js";
import { startApiServer } from "../node.js";
import { createWorkerApp } from "../worker.js";

export interface ApiUnderTest {
  readonly url: string;
  readonly logs: AccessLogEntry[];
  close(): Promise<void>;
}

export async function startNodeApi(settings: ApiSettings): Promise<ApiUnderTest> {
  const logs: AccessLogEntry[] = [];
  const api = await startApiServer({ port: 0, settings, logger: (e) => logs.push(e) });
  return { url: api.url, logs, close: api.close };
}

export async function startWorkerPortsApi(settings: ApiSettings): Promise<ApiUnderTest> {
  const logs: AccessLogEntry[] = [];
  const app = createWorkerApp(settings, {
    logger: (e) => logs.push(e),
    limitStore: createMemoryLimitStore(),
  });
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) =>
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        logs,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    );
  });
}
