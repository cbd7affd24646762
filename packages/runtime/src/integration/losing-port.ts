/**
 * A GraphPort wrapper that spoils the answer to chosen sub-requests after the sandbox has
 * committed them: "batch" throws a network error for the whole $batch (a dropped connection),
 * "item" drops just that sub-response; "gateway-batch" answers the whole $batch with 504 and
 * "gateway-item" turns that sub-response into a 504 (a gateway timing out after the write
 * committed, as Graph's front doors do: learn.microsoft.com/graph/errors lists 504 Gateway Timeout).
 */
import { type GraphPort, type GraphRequest, GraphTransportError } from "@boxafe-connect/core";

export type LoseMode = "batch" | "item" | "gateway-batch" | "gateway-item";

const GATEWAY_BODY = {
  error: { code: "UnknownError", message: "Gateway Timeout", innerError: { "request-id": "gateway" } },
};

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
      if (mode === "gateway-batch")
        throw new GraphTransportError("http", "Microsoft Graph answered the $batch call with HTTP 504.", {
          status: 504,
        });
      if (mode === "gateway-item")
        return responses.map((r) =>
          r.id === hit.id ? { ...r, status: 504, headers: {}, body: GATEWAY_BODY } : r,
        );
      return responses.filter((r) => r.id !== hit.id);
    },
  };
  return { port, lost };
}
