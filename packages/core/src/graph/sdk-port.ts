/**
 * A GraphPort on the Microsoft Graph JavaScript SDK, typed structurally so core never imports it:
 * `graphPortFromClient(Client.init(...))` posts one `/$batch` per call.
 */
import { asRecord, parseRetryAfter } from "./graph-error.js";
import type { GraphPort, GraphRequest, GraphResponse } from "./port.js";
import { GraphTransportError } from "./transport-error.js";

export interface GraphSdkRequest {
  header(name: string, value: string): GraphSdkRequest;
  post(body: unknown): Promise<unknown>;
}

export interface GraphSdkClient {
  api(path: string): GraphSdkRequest;
}

function headersOf(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const source = asRecord(value);
  if (source === undefined) return out;
  // A fetch Headers object (on SDK errors) or a plain record (inside batch responses).
  const forEach = source.forEach;
  if (typeof forEach === "function" && typeof source.get === "function") {
    (source as unknown as { forEach(cb: (v: string, k: string) => void): void }).forEach((v, k) => {
      out[k] = v;
    });
    return out;
  }
  for (const [k, v] of Object.entries(source)) if (typeof v === "string") out[k] = v;
  return out;
}

function toWire(request: GraphRequest): Record<string, unknown> {
  const headers =
    request.body === undefined ? request.headers : { "Content-Type": "application/json", ...request.headers };
  return {
    id: request.id,
    method: request.method,
    url: request.url,
    ...(headers === undefined ? {} : { headers }),
    ...(request.body === undefined ? {} : { body: request.body }),
    ...(request.dependsOn === undefined ? {} : { dependsOn: request.dependsOn }),
  };
}

function parseResponses(result: unknown): GraphResponse[] {
  const responses = asRecord(result)?.responses;
  if (!Array.isArray(responses)) {
    throw new GraphTransportError("http", "The $batch response had no `responses` array.", { status: 502 });
  }
  return responses.map((item) => {
    const r = asRecord(item) ?? {};
    return { id: String(r.id), status: Number(r.status), headers: headersOf(r.headers), body: r.body };
  });
}

function transportError(error: unknown): GraphTransportError {
  const e = asRecord(error) ?? {};
  const status = typeof e.statusCode === "number" ? e.statusCode : -1;
  if (status <= 0) {
    // The SDK reports fetch failures (connection reset, timeout) as statusCode -1.
    return new GraphTransportError("network", "The response from Microsoft Graph never arrived.", {
      cause: error,
    });
  }
  return new GraphTransportError("http", `Microsoft Graph answered the $batch call with HTTP ${status}.`, {
    status,
    retryAfter: parseRetryAfter(headersOf(e.headers)),
    upstreamCode: typeof e.code === "string" ? e.code : undefined,
  });
}

export function graphPortFromClient(client: GraphSdkClient): GraphPort {
  return {
    async batch(requests: readonly GraphRequest[]): Promise<readonly GraphResponse[]> {
      let result: unknown;
      try {
        result = await client
          .api("/$batch")
          .header("Content-Type", "application/json")
          .post({ requests: requests.map(toWire) });
      } catch (error) {
        throw transportError(error);
      }
      return parseResponses(result);
    },
  };
}
