/** Request counters for tests and benchmarks: by route, batch sub-requests apart. */

export interface StatsSnapshot {
  /** Every HTTP request received, including /_sandbox/*. */
  requests: number;
  /** Top-level Graph requests (a $batch counts once). */
  roundTrips: number;
  /** Graph writes (POST/PATCH/PUT/DELETE), top-level or inside a batch, excluding the $batch envelope. */
  writes: number;
  tokenRequests: number;
  byRoute: Record<string, number>;
  batchSubRequests: Record<string, number>;
  /** Status codes of Graph and token responses, top-level and sub-requests. */
  byStatus: Record<string, number>;
}

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** `GET /v1.0/servicePrincipals/<guid>/appRoleAssignedTo` -> `GET /v1.0/servicePrincipals/{id}/appRoleAssignedTo`. */
export function routeKey(method: string, path: string): string {
  const clean = path
    .split("?")[0]
    ?.replace(/\(([a-zA-Z]+)='[^']*'\)/g, "($1={key})")
    .replace(GUID, "{id}")
    .replace(/\/[^/]{40,}$/, "/{id}");
  return `${method.toUpperCase()} ${clean ?? path}`;
}

export class Stats {
  private s: StatsSnapshot = Stats.empty();

  static empty(): StatsSnapshot {
    return {
      requests: 0,
      roundTrips: 0,
      writes: 0,
      tokenRequests: 0,
      byRoute: {},
      batchSubRequests: {},
      byStatus: {},
    };
  }

  request(method: string, path: string): void {
    this.s.requests++;
    const key = routeKey(method, path);
    this.s.byRoute[key] = (this.s.byRoute[key] ?? 0) + 1;
    if (path.startsWith("/v1.0/")) this.s.roundTrips++;
    if (path.endsWith("/oauth2/v2.0/token")) this.s.tokenRequests++;
    if (path.startsWith("/v1.0/") && method !== "GET" && !path.startsWith("/v1.0/$batch")) this.s.writes++;
  }

  subRequest(method: string, path: string): void {
    const key = routeKey(method, path);
    this.s.batchSubRequests[key] = (this.s.batchSubRequests[key] ?? 0) + 1;
    if (method !== "GET") this.s.writes++;
  }

  status(code: number): void {
    this.s.byStatus[code] = (this.s.byStatus[code] ?? 0) + 1;
  }

  snapshot(): StatsSnapshot {
    return structuredClone(this.s);
  }

  reset(): void {
    this.s = Stats.empty();
  }
}
