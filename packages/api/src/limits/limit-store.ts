/**
 * Where limit counters live. The app asks a LimitStore; Node uses the in-memory store below (one
 * process, so one count: documented as single-instance), Workers use the Durable Object store
 * (durable-limit-store.ts: one object per limit key, so every isolate sees the same count).
 */
import type { BucketRule, LeaseDecision, LeaseRule, LimitDecision } from "./counter.js";
import { Counter } from "./counter.js";

export interface LimitStore {
  /** Takes one token from `key`'s bucket. */
  take(key: string, rule: BucketRule, nowMs: number): Promise<LimitDecision>;
  /** Takes one of `key`'s in-flight slots; give it back with release. */
  acquire(key: string, rule: LeaseRule, nowMs: number): Promise<LeaseDecision>;
  release(key: string, lease: string): Promise<void>;
}

export interface MemoryLimitStoreOptions {
  /** Keys kept before the least recently used idle one is dropped, so hostile keys cannot exhaust memory. */
  readonly maxKeys?: number;
}

export function createMemoryLimitStore(options: MemoryLimitStoreOptions = {}): LimitStore {
  const maxKeys = options.maxKeys ?? 10_000;
  const counters = new Map<string, Counter>();
  const counterFor = (key: string): Counter => {
    const found = counters.get(key) ?? new Counter();
    // Re-insert so Map order is least-recently-used first.
    counters.delete(key);
    counters.set(key, found);
    if (counters.size > maxKeys) {
      const oldest = counters.keys().next();
      if (!oldest.done && oldest.value !== key) counters.delete(oldest.value);
    }
    return found;
  };
  return {
    async take(key, rule, nowMs) {
      return counterFor(key).take(rule, nowMs);
    },
    async acquire(key, rule, nowMs) {
      return counterFor(key).acquire(rule, nowMs, crypto.randomUUID());
    },
    async release(key, lease) {
      counters.get(key)?.release(lease);
    },
  };
}
