/**
 * Section 7: the API's per-tenant cap under a bounded loopback load, through packages/api's
 * runTenantCapBench: one API key, one tenant flooded with /v1/verify, a second tenant served
 * alongside. The figures are counts (in flight, 200s, 429s); the latencies are context only.
 */
import { runTenantCapBench } from "@boxafe-connect/api/bench-limits";
import { formatMs } from "./markdown.js";
import type { SectionResult } from "./section.js";

const SECONDS = 5;
const HOT = 16;
const OTHER = 2;
const CAP = 2;
const POLL_MS = 100;

export async function benchApiLimits(): Promise<Omit<SectionResult, "seconds">> {
  const result = await runTenantCapBench({
    seconds: SECONDS,
    hotConnections: HOT,
    otherConnections: OTHER,
    maxConcurrentVerify: CAP,
    pollMs: POLL_MS,
  });
  const [hot, other] = result.tenants;
  const rows = result.tenants.map((t) => [
    t.tenant === "hot" ? "flooded tenant" : "other tenant",
    t.connections,
    t.requests,
    t.ok,
    t.throttled,
    t.other,
    t.maxVerifiesInFlight,
    t.maxTokenRequestsInFlight,
    formatMs(t.latencyP50Ms),
    formatMs(t.latencyP99Ms),
  ]);
  return {
    id: "api-limits",
    title: "7. API per-tenant cap under load",
    method:
      `packages/api's Node server with one API key; autocannon floods POST /v1/verify for one tenant from ${HOT} ` +
      `connections while ${OTHER} connections verify a second tenant, both for ${SECONDS} s on loopback. ` +
      `TENANT_MAX_CONCURRENT_VERIFY=${CAP}; the buckets are lifted so only the in-flight cap acts. The token port is ` +
      `in-process and holds each token request ${POLL_MS} ms (standing in for the token endpoint), and counts the ` +
      "token requests of each tenant in flight at once; the limit store counts the verifies in flight (leases).",
    tables: [
      {
        headers: [
          "Tenant",
          "Connections",
          "Requests",
          "200",
          "429",
          "Other",
          "Max verifies in flight",
          "Max token requests in flight",
          "p50",
          "p99",
        ],
        rows,
        align: ["l", "r", "r", "r", "r", "r", "r", "r", "r", "r"],
      },
    ],
    targets: [
      {
        target: `flooded tenant: at most ${CAP} verifies in flight`,
        figure: String(hot?.maxVerifiesInFlight ?? "?"),
        pass: hot === undefined ? undefined : hot.maxVerifiesInFlight <= CAP,
      },
      {
        target: "other tenant: every request served (no 429, no error)",
        figure: other === undefined ? "?" : `${other.ok} of ${other.requests} answered 200`,
        pass: other === undefined ? undefined : other.ok > 0 && other.ok === other.requests,
      },
    ],
    notes: [
      "The same cap is the LimitCounter Durable Object on Workers (one count for every isolate); this run is the Node " +
        "entry's in-process store, which is single-instance by design.",
    ],
    charts: [],
  };
}
