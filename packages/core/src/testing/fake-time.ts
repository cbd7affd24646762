/** A fake clock whose sleep advances time instantly, and a seeded random: retry budgets cost nothing. */
import type { Clock, Random, Sleep } from "../ports.js";

export interface FakeTime {
  readonly clock: Clock;
  readonly sleep: Sleep;
  readonly random: Random;
  /** Every sleep asked for, in order (ms). */
  readonly sleeps: readonly number[];
  advance(ms: number): void;
}

/** Mulberry32: small, fast, deterministic for a seed. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function fakeTime(start = Date.UTC(2026, 10, 27, 12, 0, 0), seed = 1): FakeTime {
  let now = start;
  const sleeps: number[] = [];
  return {
    clock: { now: () => now },
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    random: seededRandom(seed),
    sleeps,
    advance(ms: number) {
      now += ms;
    },
  };
}
