import type { SandboxContext } from "../context.js";
import { GraphError, graphErrors } from "./errors.js";
import { safeRoute } from "./router.js";
import { type Caller, type GraphResponse, isWrite } from "./types.js";

export const MAX_BATCH = 20;

interface SubRequest {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

export interface BatchOutcome {
  response: GraphResponse;
  /** A sub-request drew the `lost` fault: the whole response must be dropped after the writes commit. */
  lost: boolean;
  /** A sub-request drew the `gateway` fault: the whole batch answers 504 after its writes committed. */
  gateway: boolean;
}

export type Render = (res: GraphResponse) => {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
};

function validate(body: unknown): SubRequest[] {
  const requests = (body as { requests?: unknown } | undefined)?.requests;
  if (!Array.isArray(requests)) throw new GraphError(400, "BadRequest", "Invalid batch payload format.");
  if (requests.length > MAX_BATCH) {
    throw new GraphError(
      400,
      "BadRequest",
      `The number of requests in the batch exceeds the limit of ${MAX_BATCH}.`,
    );
  }
  const seen = new Set<string>();
  for (const r of requests as SubRequest[]) {
    if (typeof r?.id !== "string" || typeof r.method !== "string" || typeof r.url !== "string") {
      throw new GraphError(400, "BadRequest", "Invalid batch payload format.");
    }
    if (seen.has(r.id)) throw new GraphError(400, "BadRequest", `Batch request id '${r.id}' is not unique.`);
    for (const dep of r.dependsOn ?? []) {
      if (!seen.has(dep))
        throw new GraphError(400, "BadRequest", `Dependent request '${dep}' was not found before '${r.id}'.`);
    }
    seen.add(r.id);
  }
  return requests as SubRequest[];
}

function relative(url: string): URL {
  const path = url.replace(/^https:\/\/[^/]+/, "").replace(/^\/?(v1\.0\/)?/, "/");
  return new URL(path, "https://graph.invalid");
}

/**
 * The order sub-requests run in: one whose `dependsOn` have all run is ready; among the ready ones, list
 * order, or a seeded pick when the batch is shuffled. Graph promises no order without dependsOn
 * ("individual requests can be executed in any order", learn.microsoft.com/graph/json-batching; graph-facts
 * 1.8), and answers the responses in any order too, so they come back in the order they ran.
 */
function executionOrder(ctx: SandboxContext, requests: SubRequest[]): SubRequest[] {
  const pick = ctx.faults.batchPicker();
  const done = new Set<string>();
  const pending = [...requests];
  const order: SubRequest[] = [];
  while (pending.length > 0) {
    const ready = pending.filter((r) => (r.dependsOn ?? []).every((d) => done.has(d)));
    const next = ready[Math.min(pick(ready.length), ready.length - 1)] ?? pending[0];
    if (!next) break;
    pending.splice(pending.indexOf(next), 1);
    done.add(next.id);
    order.push(next);
  }
  return order;
}

/** POST /v1.0/$batch: each sub-request is authorized, throttled and faulted alone, in executionOrder. */
export function runBatch(
  ctx: SandboxContext,
  caller: Caller,
  body: unknown,
  render: Render,
  /** Where the client addressed the batch (sub-requests' nextLinks point there too). */
  origin?: string,
): BatchOutcome {
  const requests = validate(body);
  const failed = new Set<string>();
  let lost = false;
  let gateway = false;
  const responses = executionOrder(ctx, requests).map((r) => {
    const method = r.method.toUpperCase();
    const url = relative(r.url);
    ctx.stats.subRequest(method, `/v1.0${url.pathname}`);
    const headers = Object.fromEntries(
      Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]),
    );
    let res: GraphResponse;
    if ((r.dependsOn ?? []).some((d) => failed.has(d))) {
      res = {
        status: 424,
        body: new GraphError(
          424,
          "FailedDependency",
          "The request could not be completed because a request it depends on failed.",
        ),
      };
    } else if (url.pathname === "/$batch") {
      res = { status: 400, body: graphErrors.badRequest("Nested batch requests are not supported.") };
    } else if (r.body !== undefined && !headers["content-type"]) {
      res = {
        status: 400,
        body: new GraphError(
          400,
          "BadRequest",
          "Content-Type header must be specified for requests with a body.",
        ),
      };
    } else {
      const fault = ctx.faults.decide(isWrite(method));
      if (fault.before === "throttle")
        res = { status: 429, body: graphErrors.throttled(ctx.faults.spec.retryAfter) };
      else if (fault.before === "unavailable")
        res = { status: 503, body: graphErrors.unavailable(ctx.faults.spec.retryAfter) };
      else {
        res = safeRoute(ctx, {
          method,
          path: url.pathname,
          query: url.searchParams,
          headers,
          body: r.body,
          caller,
          ...(origin === undefined ? {} : { origin }),
        });
        if (fault.lost && res.status < 400) lost = true;
        if (fault.gateway && res.status < 400) gateway = true;
      }
      if (res.body instanceof GraphError && res.body.headers)
        res = { ...res, headers: { ...res.body.headers, ...res.headers } };
    }
    if (res.status >= 400) failed.add(r.id);
    ctx.stats.status(res.status);
    const out = render(res);
    return {
      id: r.id,
      status: out.status,
      headers: out.headers,
      ...(out.body === undefined ? {} : { body: out.body }),
    };
  });
  return { response: { status: 200, body: { responses } }, lost, gateway };
}
