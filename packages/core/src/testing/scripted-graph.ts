/**
 * A GraphPort driven by a handler per sub-request, for unit tests of the runner and the executor.
 * The handler may return a response, "drop" (this sub-response goes missing) or throw a
 * GraphTransportError for the whole batch via `lose()`.
 */
import type { GraphPort, GraphRequest, GraphResponse } from "../graph/port.js";
import { GraphTransportError } from "../graph/transport-error.js";

export type Reply = {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
};

export type Handler = (request: GraphRequest, call: number) => Reply | "drop" | "lose-batch";

export interface ScriptedGraph extends GraphPort {
  /** Every batch sent, in order. */
  readonly batches: readonly (readonly GraphRequest[])[];
}

export function scriptedGraph(handler: Handler): ScriptedGraph {
  const batches: GraphRequest[][] = [];
  const calls = new Map<string, number>();
  return {
    batches,
    async batch(requests) {
      batches.push([...requests]);
      const responses: GraphResponse[] = [];
      let lose = false;
      for (const request of requests) {
        const key = `${request.method} ${request.url}`;
        const call = (calls.get(key) ?? 0) + 1;
        calls.set(key, call);
        const reply = handler(request, call);
        if (reply === "lose-batch") lose = true;
        else if (reply !== "drop") {
          responses.push({
            id: request.id,
            status: reply.status,
            headers: reply.headers ?? {},
            body: reply.body,
          });
        }
      }
      if (lose) throw new GraphTransportError("network", "lost (scripted)");
      return responses;
    },
  };
}

export function graphError(
  status: number,
  code: string,
  message: string,
  detailCodes: readonly string[] = [],
): Reply {
  return {
    status,
    body: { error: { code, message, details: detailCodes.map((c) => ({ code: c, message: c })) } },
  };
}
