/**
 * Counts what goes over the wire: HTTP requests ($batch calls), sub-requests and sequential round
 * trips (a batch started while none is in flight opens a new round trip; parallel ones share it).
 */
import type { GraphPort, GraphRequest, GraphResponse } from "./port.js";

export interface GraphStats {
  readonly requests: number;
  readonly subRequests: number;
  readonly roundTrips: number;
  /** Sub-requests by method, e.g. GET reads vs writes. */
  readonly writes: number;
}

export interface CountingGraphPort extends GraphPort {
  stats(): GraphStats;
}

export function countingGraphPort(inner: GraphPort): CountingGraphPort {
  let requests = 0;
  let subRequests = 0;
  let roundTrips = 0;
  let writes = 0;
  let inFlight = 0;
  return {
    async batch(batch: readonly GraphRequest[]): Promise<readonly GraphResponse[]> {
      requests++;
      subRequests += batch.length;
      writes += batch.filter((r) => r.method !== "GET").length;
      if (inFlight === 0) roundTrips++;
      inFlight++;
      try {
        return await inner.batch(batch);
      } finally {
        inFlight--;
      }
    },
    stats: () => ({ requests, subRequests, roundTrips, writes }),
  };
}
