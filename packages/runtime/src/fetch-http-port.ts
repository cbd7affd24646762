/**
 * core's HttpPort on the global fetch (whose dispatcher trustCa may have replaced), for Exchange
 * Online's admin REST, EWS and SharePoint REST. A timeout or a failed connection is CoreError
 * `unreachable`; the bearer token never appears in the message.
 */
import type { HttpPort } from "@boxafe-connect/core";
import { CoreError } from "@boxafe-connect/core";

export interface FetchHttpOptions {
  /** Per request (default 30 s). */
  readonly timeoutMs?: number;
}

export function createFetchHttpPort(options: FetchHttpOptions = {}): HttpPort {
  const timeoutMs = options.timeoutMs ?? 30_000;
  return {
    async send(request) {
      let response: Response;
      try {
        response = await fetch(request.url, {
          method: request.method,
          headers: request.headers,
          ...(request.body === undefined ? {} : { body: request.body }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const host = URL.canParse(request.url) ? new URL(request.url).host : "the service";
        throw new CoreError("unreachable", `Could not reach ${host}; check the network and try again.`, {
          cause: error,
        });
      }
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name.toLowerCase()] = value;
      });
      return { status: response.status, headers, text: await response.text() };
    },
  };
}
