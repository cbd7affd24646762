/**
 * Section 6: the HTTP API on Node under autocannon, through packages/api's own bench helper: once
 * with in-process token/Graph ports (the API's own cost) and once with real ports against the
 * sandbox (msal-node client-credentials tokens for a real app: what a caller of /v1/verify waits for).
 */
import { type ApiBenchResult, runApiBench } from "@boxafe-connect/api";
import type { BenchContext } from "./context.js";
import { formatMs } from "./markdown.js";
import { configure, graphPortFor } from "./ours.js";
import type { SectionResult } from "./section.js";

const SECONDS = 5;
const CONNECTIONS = 10;

export async function benchApi(ctx: BenchContext): Promise<Omit<SectionResult, "seconds">> {
  const results: { label: string; result: ApiBenchResult }[] = [];
  results.push({
    label: "in-process ports",
    result: await runApiBench({ seconds: SECONDS, connections: CONNECTIONS }),
  });
  const notes: string[] = [];
  const host = await ctx.host();
  const token = await host.adminToken();
  await host.hooks.setFaults("latency=0");
  await host.hooks.reset();
  const app = await configure(
    graphPortFor(host.url, async () => token),
    { displayName: "API bench" },
  );
  const secret = app.result.secret?.secretText;
  if (secret) {
    results.push({
      label: "sandbox (msal-node, 0 ms)",
      result: await runApiBench({
        seconds: SECONDS,
        connections: CONNECTIONS,
        settings: { SANDBOX_ORIGIN: host.url },
        verifyBody: {
          tenantId: host.tenantId,
          clientId: app.result.application.appId,
          clientSecret: secret,
          sharePointTenant: "contoso",
        },
      }),
    });
  } else {
    notes.push("The sandbox run was skipped: the setup returned no secret.");
  }
  const rows = results.flatMap(({ label, result }) =>
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
  return {
    id: "api",
    title: "6. API on Node",
    method:
      `packages/api's Node server (\`startApiServer\`, rate limit lifted for the run) under autocannon, ${CONNECTIONS} ` +
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
