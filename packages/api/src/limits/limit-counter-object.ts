/**
 * The Durable Object behind the limits on Cloudflare Workers. One object per limit key
 * (`idFromName(key)`), and Cloudflare runs each object in exactly one place, so every isolate of
 * every Worker bound to the namespace counts against the same Counter. Time is the object's own
 * clock, not the caller's, so isolates with skewed clocks cannot refill a bucket early.
 *
 * State is in memory: an object is evicted only after it has been idle (no requests) for a while,
 * by which time its leases have been released and its bucket has refilled, so persisting the
 * counters to storage would only add a write per request. Plain `fetch` interface (no
 * `cloudflare:workers` import), so the same bundle also loads in Node for the other tests.
 */
import type { BucketRule, LeaseRule } from "./counter.js";
import { Counter } from "./counter.js";

export type LimitOp =
  | { readonly op: "take"; readonly rule: BucketRule }
  | { readonly op: "acquire"; readonly rule: LeaseRule }
  | { readonly op: "release"; readonly lease: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function parseOp(value: unknown): LimitOp | undefined {
  if (!isRecord(value)) return undefined;
  const rule = isRecord(value.rule) ? value.rule : undefined;
  if (value.op === "take" && typeof rule?.capacity === "number" && typeof rule.refillPerSecond === "number") {
    return { op: "take", rule: { capacity: rule.capacity, refillPerSecond: rule.refillPerSecond } };
  }
  if (
    value.op === "acquire" &&
    typeof rule?.max === "number" &&
    typeof rule.ttlMs === "number" &&
    typeof rule.retryAfterSeconds === "number"
  ) {
    return {
      op: "acquire",
      rule: { max: rule.max, ttlMs: rule.ttlMs, retryAfterSeconds: rule.retryAfterSeconds },
    };
  }
  if (value.op === "release" && typeof value.lease === "string") return { op: "release", lease: value.lease };
  return undefined;
}

export class LimitCounter {
  private readonly counter = new Counter();

  async fetch(request: Request): Promise<Response> {
    const op = parseOp(await request.json().catch(() => undefined));
    if (op === undefined) return Response.json({ error: "bad limit operation" }, { status: 400 });
    const now = Date.now();
    if (op.op === "take") return Response.json(this.counter.take(op.rule, now));
    if (op.op === "acquire") return Response.json(this.counter.acquire(op.rule, now, crypto.randomUUID()));
    this.counter.release(op.lease);
    return Response.json({ released: true });
  }
}
