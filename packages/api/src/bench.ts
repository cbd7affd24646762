/**
 * Throughput of the Node server (no assertions; numbers for BENCHMARKS.md). By default the app
 * runs with in-process fake token and Graph ports, so the figures are the API's own cost:
 * routing, validation, hardening middleware and core's verify logic. Pass `settings` with a
 * SANDBOX_ORIGIN (and a real `verifyBody`) to include msal-node and the token endpoint.
 */
import autocannon from "autocannon";
import type { ApiSettings } from "./env-config.js";
import { startApiServer } from "./node.js";
import {
  fakeAppTokenPort,
  GOOD_SECRET,
  grantedDirectoryGraph,
  TEST_API_KEY,
  TEST_API_KEYS_SETTING,
  TEST_CLIENT,
  TEST_TENANT,
} from "./testing/fakes.js";

export interface ApiBenchOptions {
  /** Seconds per endpoint (default 5). */
  readonly seconds?: number;
  /** Concurrent connections (default 10). */
  readonly connections?: number;
  /**
   * Each endpoint gets exactly this many requests instead of `seconds` of load (the smoke test: a fixed
   * 1 s on a starved machine can end before a cold server's first answer). Counts, never timing.
   */
  readonly requests?: number;
  /** Use real ports against this configuration instead of the in-process fakes. */
  readonly settings?: ApiSettings;
  /** Body for /v1/verify (default: credentials the fake token port accepts). */
  readonly verifyBody?: Record<string, unknown>;
}

export interface EndpointFigures {
  readonly endpoint: string;
  readonly requestsPerSecond: number;
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
  readonly total: number;
  readonly non2xx: number;
  readonly errors: number;
}

export interface ApiBenchResult {
  readonly mode: "in-process ports" | "real ports";
  readonly seconds: number;
  readonly connections: number;
  readonly endpoints: readonly EndpointFigures[];
}

export async function runApiBench(options: ApiBenchOptions = {}): Promise<ApiBenchResult> {
  const seconds = options.seconds ?? 5;
  const connections = options.connections ?? 10;
  const real = options.settings !== undefined;
  const api = await startApiServer({
    port: 0,
    settings: {
      RATE_LIMIT_CAPACITY: "1000000000",
      RATE_LIMIT_REFILL_PER_SECOND: "1000000000",
      TENANT_RATE_LIMIT_CAPACITY: "1000000000",
      TENANT_RATE_LIMIT_REFILL_PER_SECOND: "1000000000",
      TENANT_MAX_CONCURRENT_VERIFY: "1000",
      API_KEYS: TEST_API_KEYS_SETTING,
      ...options.settings,
    },
    logger: () => undefined,
    ...(real
      ? {}
      : {
          overrides: {
            appTokenPort: fakeAppTokenPort(() => Date.now()),
            graphPortFor: () => grantedDirectoryGraph(),
          },
        }),
  });
  const verifyBody = options.verifyBody ?? {
    tenantId: TEST_TENANT,
    clientId: TEST_CLIENT,
    clientSecret: GOOD_SECRET,
    sharePointTenant: "contoso",
  };
  try {
    const endpoints: EndpointFigures[] = [];
    for (const [endpoint, extra] of [
      ["GET /v1/permissions", { method: "GET" }],
      [
        "POST /v1/verify",
        {
          method: "POST",
          headers: { "content-type": "application/json", "x-api-key": TEST_API_KEY },
          body: JSON.stringify(verifyBody),
        },
      ],
    ] as const) {
      const path = endpoint.split(" ")[1] ?? "/";
      const bound = options.requests === undefined ? { duration: seconds } : { amount: options.requests };
      const result = await autocannon({ url: `${api.url}${path}`, connections, ...bound, ...extra });
      endpoints.push({
        endpoint,
        requestsPerSecond: result.requests.average,
        latencyP50Ms: result.latency.p50,
        latencyP99Ms: result.latency.p99,
        total: result.requests.total,
        non2xx: result.non2xx,
        errors: result.errors,
      });
    }
    return { mode: real ? "real ports" : "in-process ports", seconds, connections, endpoints };
  } finally {
    await api.close();
  }
}

if (process.argv[1]?.endsWith("bench.ts")) {
  const seconds = Number(process.argv[2] ?? 5);
  runApiBench({ seconds }).then(
    (result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`),
    (error: unknown) => {
      process.stderr.write(`api bench: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
