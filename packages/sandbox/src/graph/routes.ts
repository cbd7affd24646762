import { randomUUID } from "node:crypto";
import type { HttpBindings } from "@hono/node-server";
import { Hono } from "hono";
import type { SandboxContext } from "../context.js";
import { authenticate } from "./auth.js";
import { runBatch } from "./batch.js";
import { GraphError, graphErrors } from "./errors.js";
import { safeRoute } from "./router.js";
import { type GraphResponse, isWrite } from "./types.js";

/** Graph v1.0 over HTTP: faults first, then the token, then the request (or a $batch of them). */
export function graphRoutes(ctx: SandboxContext): Hono<{ Bindings: HttpBindings }> {
  const app = new Hono<{ Bindings: HttpBindings }>();
  app.all("/v1.0/*", async (c) => {
    const requestId = randomUUID();
    const clientRequestId = c.req.header("client-request-id") ?? randomUUID();
    const date = new Date().toISOString().replace(/\.\d+Z$/, "");
    const base = {
      "request-id": requestId,
      "client-request-id": clientRequestId,
      "x-ms-ags-diagnostic": JSON.stringify({
        ServerInfo: { DataCenter: "Sandbox", Slice: "E", Ring: "0", ScaleUnit: "000" },
      }),
    };
    const render = (res: GraphResponse) => {
      const headers: Record<string, string> = { ...(res.headers ?? {}) };
      let body = res.body;
      if (body instanceof GraphError) body = body.body(requestId, clientRequestId, date);
      if (body !== undefined)
        headers["Content-Type"] =
          "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
      return { status: res.status, headers, body };
    };
    const send = (res: GraphResponse) => {
      const out = render(res);
      ctx.stats.status(out.status);
      return new Response(out.body === undefined || out.status === 204 ? null : JSON.stringify(out.body), {
        status: out.status,
        headers: { ...base, ...out.headers },
      });
    };
    const dropConnection = () => {
      c.env.incoming.socket.destroy();
      return new Response(null, { status: 500 });
    };

    const method = c.req.method.toUpperCase();
    const path = c.req.path.slice("/v1.0".length);
    // Latency is added for every endpoint in server.ts.
    const isBatch = path === "/$batch";
    const fault = isBatch
      ? { before: "none" as const, lost: false, gateway: false }
      : ctx.faults.decide(isWrite(method));
    if (fault.before === "throttle")
      return send({
        status: 429,
        body: graphErrors.throttled(ctx.faults.spec.retryAfter),
        headers: { "Retry-After": String(ctx.faults.spec.retryAfter) },
      });
    if (fault.before === "unavailable")
      return send({
        status: 503,
        body: graphErrors.unavailable(ctx.faults.spec.retryAfter),
        headers: { "Retry-After": String(ctx.faults.spec.retryAfter) },
      });

    try {
      const caller = await authenticate(ctx, c.req.header("authorization"));
      const text = await c.req.text();
      let body: unknown;
      if (text) {
        try {
          body = JSON.parse(text);
        } catch {
          throw graphErrors.badRequest(
            "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.",
          );
        }
      }
      if (isBatch) {
        if (method !== "POST") throw graphErrors.method();
        const outcome = runBatch(ctx, caller, body, render, new URL(c.req.url).origin);
        if (outcome.lost) return dropConnection();
        if (outcome.gateway) return send({ status: 504, body: graphErrors.gateway() });
        return send(outcome.response);
      }
      const headers: Record<string, string> = {};
      c.req.raw.headers.forEach((v, k) => {
        headers[k.toLowerCase()] = v;
      });
      const url = new URL(c.req.url);
      const res = safeRoute(ctx, {
        method,
        path,
        query: url.searchParams,
        headers,
        body,
        caller,
        origin: url.origin,
      });
      if (fault.lost && res.status < 400) return dropConnection();
      if (fault.gateway && res.status < 400) return send({ status: 504, body: graphErrors.gateway() });
      return send(res);
    } catch (e) {
      if (e instanceof GraphError) return send({ status: e.status, body: e, headers: e.headers });
      throw e;
    }
  });
  return app;
}
