/**
 * Token buckets per client key. The store is a port: the in-memory one below is per process on
 * Node and per isolate on Cloudflare Workers (each isolate counts on its own, so the effective
 * limit across a fleet is higher); a Durable Object or KV store can implement the same interface.
 */

export interface RateLimitDecision {
  readonly allowed: boolean;
  /** Whole tokens left after this request. */
  readonly remaining: number;
  /** Seconds until one token is available again (0 when allowed). */
  readonly retryAfterSeconds: number;
}

export interface RateLimitStore {
  take(key: string, nowMs: number): RateLimitDecision | Promise<RateLimitDecision>;
}

export interface TokenBucketOptions {
  /** Burst size: requests allowed at once. */
  readonly capacity: number;
  /** Tokens added per second. */
  readonly refillPerSecond: number;
  /** Keys kept before the least recently used is dropped, so hostile keys cannot exhaust memory. */
  readonly maxKeys?: number;
}

interface Bucket {
  tokens: number;
  updatedMs: number;
}

export function createMemoryRateLimitStore(options: TokenBucketOptions): RateLimitStore {
  const { capacity, refillPerSecond } = options;
  const maxKeys = options.maxKeys ?? 10_000;
  if (!(capacity >= 1) || !(refillPerSecond > 0)) {
    throw new RangeError("rate limit: capacity must be >= 1 and refillPerSecond > 0");
  }
  const buckets = new Map<string, Bucket>();
  return {
    take(key, nowMs) {
      const found = buckets.get(key);
      const bucket = found ?? { tokens: capacity, updatedMs: nowMs };
      const elapsed = Math.max(0, nowMs - bucket.updatedMs) / 1000;
      bucket.tokens = Math.min(capacity, bucket.tokens + elapsed * refillPerSecond);
      bucket.updatedMs = nowMs;
      // Re-insert so Map order is least-recently-used first.
      buckets.delete(key);
      buckets.set(key, bucket);
      if (buckets.size > maxKeys) {
        const oldest = buckets.keys().next();
        if (!oldest.done) buckets.delete(oldest.value);
      }
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true, remaining: Math.floor(bucket.tokens), retryAfterSeconds: 0 };
      }
      const wait = Math.ceil((1 - bucket.tokens) / refillPerSecond);
      return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(1, wait) };
    },
  };
}
