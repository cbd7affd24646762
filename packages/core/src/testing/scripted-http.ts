/** An HttpPort for unit tests: a handler answers each request; every request is recorded. */
import type { HttpPort, HttpRequest, HttpResponse } from "../workloads/http-port.js";

export interface ScriptedHttp extends HttpPort {
  readonly requests: readonly HttpRequest[];
}

export function reply(
  status: number,
  body: unknown = "",
  headers: Record<string, string> = {},
): HttpResponse {
  return { status, headers, text: typeof body === "string" ? body : JSON.stringify(body) };
}

export function scriptedHttp(
  handler: (request: HttpRequest, call: number) => HttpResponse | Promise<HttpResponse>,
): ScriptedHttp {
  const requests: HttpRequest[] = [];
  return {
    requests,
    async send(request) {
      requests.push(request);
      return handler(request, requests.length);
    },
  };
}
