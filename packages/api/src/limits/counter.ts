/**
 * The counting both limit stores share: a token bucket (requests over time) and a set of leases
 * (requests in flight, e.g. one tenant's outbound token polls). One Counter belongs to one limit
 * key; the in-memory store keeps a map of them, the Durable Object is one of them.
 */

export interface BucketRule {
  /** Burst: requests allowed at once. */
  readonly capacity: number;
  /** Tokens added per second. */
  readonly refillPerSecond: number;
}

export interface LimitDecision {
  readonly allowed: boolean;
  /** Whole tokens left after this request. */
  readonly remaining: number;
  /** Seconds until one token is available again (0 when allowed). */
  readonly retryAfterSeconds: number;
}

export interface LeaseRule {
  /** Leases held at once. */
  readonly max: number;
  /** A lease nobody released (a crashed isolate) is dropped after this. */
  readonly ttlMs: number;
  /** What a refused caller is told to wait. */
  readonly retryAfterSeconds: number;
}

export type LeaseDecision =
  | { readonly granted: true; readonly lease: string; readonly active: number }
  | { readonly granted: false; readonly active: number; readonly retryAfterSeconds: number };

export function checkBucketRule(rule: BucketRule): void {
  if (!(rule.capacity >= 1) || !(rule.refillPerSecond > 0)) {
    throw new RangeError("rate limit: capacity must be >= 1 and refillPerSecond > 0");
  }
}

export class Counter {
  private tokens: number | undefined;
  private updatedMs = 0;
  private readonly leases = new Map<string, number>();

  take(rule: BucketRule, nowMs: number): LimitDecision {
    const elapsed = this.tokens === undefined ? 0 : Math.max(0, nowMs - this.updatedMs) / 1000;
    const tokens = Math.min(rule.capacity, (this.tokens ?? rule.capacity) + elapsed * rule.refillPerSecond);
    this.updatedMs = nowMs;
    if (tokens >= 1) {
      this.tokens = tokens - 1;
      return { allowed: true, remaining: Math.floor(this.tokens), retryAfterSeconds: 0 };
    }
    this.tokens = tokens;
    const wait = Math.ceil((1 - tokens) / rule.refillPerSecond);
    return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(1, wait) };
  }

  acquire(rule: LeaseRule, nowMs: number, lease: string): LeaseDecision {
    for (const [id, expires] of this.leases) if (expires <= nowMs) this.leases.delete(id);
    if (this.leases.size >= rule.max) {
      return { granted: false, active: this.leases.size, retryAfterSeconds: rule.retryAfterSeconds };
    }
    this.leases.set(lease, nowMs + rule.ttlMs);
    return { granted: true, lease, active: this.leases.size };
  }

  release(lease: string): void {
    this.leases.delete(lease);
  }

  /** Nothing held and the bucket full again: the counter can be forgotten. */
  idle(rule: BucketRule | undefined, nowMs: number): boolean {
    if (this.leases.size > 0) return false;
    if (this.tokens === undefined || rule === undefined) return true;
    return this.tokens + ((nowMs - this.updatedMs) / 1000) * rule.refillPerSecond >= rule.capacity;
  }
}
