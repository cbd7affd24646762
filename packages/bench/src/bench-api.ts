/**
 * Section 6: the HTTP API on Node under autocannon, through packages/api's own bench helper: once
 * with in-process token/Graph ports (the API's own cost) and once with real ports against the
 * sandbox (msal-node client-credentials tokens for a real app: what a caller of /v1/verify waits for).
 */
import { newApiKey, startApiServer } from "@boxafe-connect/api";
import { type ApiBenchResult, runApiBench } from "@boxafe-connect/api/bench";
import { loadTest } from "./autocannon-child.js";
import type { BenchContext } from "./context.js";
import { formatMs } from "./markdown.js";
import { configure, graphPortFor } from "./ours.js";
import type { SectionResult } from "./section.js";

const SECONDS = 5;
const CONNECTIONS = 10;

export async function benchApi(ctx: BenchContext): Promise<Omit<SectionResult, "seconds">> {
  const results: { label: string; result: ApiBenchResult }[] = [];
  results.push({
    label: "fakes in-process; autocannon in the same process",
    result: await runApiBench({ seconds: SECONDS, connections: CONNECTIONS }),
  });
  const notes: string[] = [];
  const rows: (string | number)[][] = results.flatMap(({ label, result }) =>
    result.endpoints.map((e) => [
      e.endpoint,
      label,
      Math.round(e.requestsPerSecond),
      formatMs(e.latencyP50Ms),
      formatMs(e.latencyP99Ms),
      e.total,
      e.non2xx,
      e.errors,
    ]),
  );
  const host = await ctx.host();
  const token = await host.adminToken();
  await host.hooks.setFaults("latency=0");
  await host.hooks.reset();
  const app = await configure(
    graphPortFor(host.url, async () => token),
    { displayName: "API bench" },
  );
  const secret = app.result.secret?.secretText;
  if (!secret) throw new Error("the setup for the API bench returned no secret");
  const key = await newApiKey("bench", ["/v1/verify"]);
  const api = await startApiServer({
    port: 0,
    settings: {
      SANDBOX_ORIGIN: host.url,
      RATE_LIMIT_CAPACITY: "1000000000",
      RATE_LIMIT_REFILL_PER_SECOND: "1000000000",
      TENANT_RATE_LIMIT_CAPACITY: "1000000000",
      TENANT_RATE_LIMIT_REFILL_PER_SECOND: "1000000000",
      TENANT_MAX_CONCURRENT_VERIFY: "1000",
      API_KEYS: JSON.stringify([key.entry]),
    },
    logger: () => undefined,
  });
  try {
    const label = "real: msal-node -> sandbox; autocannon in its own process";
    for (const [endpoint, method, jsonBody] of [
      ["GET /v1/permissions", "GET", undefined],
      [
        "POST /v1/verify",
        "POST",
        {
          tenantId: host.tenantId,
          clientId: app.result.application.appId,
          clientSecret: secret,
          sharePointTenant: "contoso",
        },
      ],
    ] as const) {
      const r = await loadTest({
        url: `${api.url}${endpoint.split(" ")[1]}`,
        seconds: SECONDS,
        connections: CONNECTIONS,
        method,
        jsonBody,
        headers: { "x-api-key": key.key },
      });
      rows.push([
        endpoint,
        label,
        Math.round(r.requestsPerSecond),
        formatMs(r.p50),
        formatMs(r.p99),
        r.total,
        r.non2xx,
        r.errors,
      ]);
    }
  } finally {
    await api.close();
  }
  return {
    id: "api",
    title: "6. API on Node",
    method:
      `packages/api's Node server (\`startApiServer\`, rate and tenant limits lifted for the run) under autocannon, ${CONNECTIONS} ` +
      `connections for ${SECONDS} s per endpoint, through the API's own \`runApiBench\`. "in-process ports" fakes the ` +
      "token endpoint and Graph inside the process, so the figures are the API's own cost (routing, validation, " +
      'hardening, core\'s verify logic); "sandbox" uses the real msal-node token port against the sandbox, so one ' +
      "/v1/verify is three fresh client-credentials tokens (Graph, Exchange, SharePoint) for a real app. " +
      "All on the same 2 cores as the load generator.",
    tables: [
      {
        headers: ["Endpoint", "Ports", "Requests/s", "p50", "p99", "Requests", "Non-2xx", "Errors"],
        rows,
        align: ["l", "l", "r", "r", "r", "r", "r", "r"],
      },
    ],
    targets: [],
    notes,
    charts: [],
  };
}
