import { describe, expect, it } from "vitest";
import { createMemoryRateLimitStore } from "./rate-limit-store.js";

describe("createMemoryRateLimitStore", () => {
  it("allows a burst of capacity, then refuses with a Retry-After", () => {
    const store = createMemoryRateLimitStore({ capacity: 3, refillPerSecond: 0.5 });
    const results = [0, 1, 2, 3].map(() => store.take("a", 1000));
    expect(results.map((r) => "allowed" in r && r.allowed)).toEqual([true, true, true, false]);
    expect(results[3]).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 2 });
  });

  it("refills over time and keeps clients apart", () => {
    const store = createMemoryRateLimitStore({ capacity: 1, refillPerSecond: 1 });
    expect(store.take("a", 0)).toMatchObject({ allowed: true });
    expect(store.take("a", 500)).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    expect(store.take("b", 500)).toMatchObject({ allowed: true });
    expect(store.take("a", 1600)).toMatchObject({ allowed: true });
  });

  it("bounds memory by dropping the least recently used key", () => {
    const store = createMemoryRateLimitStore({ capacity: 1, refillPerSecond: 0.001, maxKeys: 2 });
    store.take("a", 0);
    store.take("b", 0);
    store.take("c", 0); // evicts "a", so "a" starts with a full bucket again
    expect(store.take("a", 0)).toMatchObject({ allowed: true });
    expect(store.take("c", 0)).toMatchObject({ allowed: false });
  });

  it("rejects a nonsense configuration", () => {
    expect(() => createMemoryRateLimitStore({ capacity: 0, refillPerSecond: 1 })).toThrow(RangeError);
  });
});
