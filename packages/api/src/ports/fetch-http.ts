/**
 * core's HttpPort (EWS, SharePoint REST, Exchange admin REST) on a FetchLike: in the Worker that is
 * createOutbound, so only the configured cloud's hosts are reachable and every call has a timeout.
 * The bearer token is in the request headers only; it never reaches a message.
 */
import type { HttpPort } from "@boxafe-connect/core";
import type { FetchLike } from "./outbound.js";

export function createFetchHttpPortOn(fetchLike: FetchLike): HttpPort {
  return {
    async send(request) {
      const response = await fetchLike(request.url, {
        method: request.method,
        headers: request.headers,
        ...(request.body === undefined ? {} : { body: request.body }),
      });
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name.toLowerCase()] = value;
      });
      return { status: response.status, headers, text: await response.text() };
    },
  };
}
