/**
 * A GraphPort wrapper that loses the response to chosen sub-requests after the sandbox has
 * committed them: "batch" throws a network error for the whole $batch (a dropped connection),
 * "item" drops just that sub-response.
 */
import { type GraphPort, type GraphRequest, GraphTransportError } from "@boxafe-connect/core";

export type LoseMode = "batch" | "item";

export function losingPort(
  inner: GraphPort,
  matches: (request: GraphRequest) => boolean,
  mode: LoseMode,
  times = 1,
) {
  let left = times;
  const lost: GraphRequest[] = [];
  const port: GraphPort = {
    async batch(requests) {
      const responses = await inner.batch(requests);
      const hit = left > 0 ? requests.find(matches) : undefined;
      if (hit === undefined) return responses;
      left--;
      lost.push(hit);
      if (mode === "batch") throw new GraphTransportError("network", "connection reset (test)");
      return responses.filter((r) => r.id !== hit.id);
    },
  };
  return { port, lost };
}
