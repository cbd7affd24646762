/** The sandbox's test hooks (/_sandbox/*) over HTTPS: stats, reset, faults, state. Never faulted. */
import https from "node:https";

/** The parts of the sandbox's StatsSnapshot the benchmarks read. */
export interface SandboxStats {
  /** Every HTTP request, hooks included. */
  readonly requests: number;
  /** Top-level Graph HTTP requests (a $batch counts once). */
  readonly roundTrips: number;
  readonly writes: number;
  readonly tokenRequests: number;
  readonly byRoute: Readonly<Record<string, number>>;
  readonly batchSubRequests: Readonly<Record<string, number>>;
  readonly byStatus: Readonly<Record<string, number>>;
}

export interface SandboxHooks {
  stats(): Promise<SandboxStats>;
  resetStats(): Promise<void>;
  /** Back to the seed directory (no app, resource service principals only). */
  reset(): Promise<void>;
  setFaults(spec: string, seed?: number): Promise<void>;
  state(): Promise<Record<string, unknown>>;
  close(): void;
}

export function createHooks(origin: string, caPem: string): SandboxHooks {
  const agent = new https.Agent({ keepAlive: true, ca: caPem });
  const call = (method: string, path: string, body?: unknown): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = https.request(
        new URL(path, origin),
        { method, agent, headers: payload ? { "content-type": "application/json" } : {} },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            if ((res.statusCode ?? 0) >= 300) {
              reject(new Error(`${method} ${path}: ${res.statusCode} ${text.slice(0, 200)}`));
              return;
            }
            resolve(text ? JSON.parse(text) : undefined);
          });
        },
      );
      req.on("error", reject);
      if (payload) req.write(payload);
      req.end();
    });
  return {
    stats: async () => (await call("GET", "/_sandbox/stats")) as SandboxStats,
    resetStats: async () => {
      await call("POST", "/_sandbox/stats/reset");
    },
    reset: async () => {
      await call("POST", "/_sandbox/reset");
    },
    setFaults: async (spec, seed) => {
      await call("POST", "/_sandbox/faults", { spec, ...(seed === undefined ? {} : { seed }) });
    },
    state: async () => (await call("GET", "/_sandbox/state")) as Record<string, unknown>,
    close: () => agent.destroy(),
  };
}

/** Graph sub-requests of a stats snapshot (what went inside $batch calls plus direct calls). */
export function graphSubRequests(stats: SandboxStats): number {
  const direct = Object.entries(stats.byRoute)
    .filter(([route]) => /^\w+ \/v1\.0\//.test(route) && !route.includes("/$batch"))
    .reduce((sum, [, n]) => sum + n, 0);
  const batched = Object.values(stats.batchSubRequests).reduce((sum, n) => sum + n, 0);
  return direct + batched;
}

/** "5 x GET /v1.0/servicePrincipals, 1 x POST /v1.0/applications, ..." from a snapshot, biggest first. */
export function routeSummary(
  counts: Readonly<Record<string, number>>,
  only: (route: string) => boolean = () => true,
): string {
  return Object.entries(counts)
    .filter(([route]) => only(route))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([route, n]) => `${n} x \`${route}\``)
    .join(", ");
}
