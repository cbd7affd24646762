import { describe, expect, it } from "vitest";
import { FaultInjector, formatFaults, NO_FAULTS, parseFaults, seededRandom } from "./faults.js";

describe("parseFaults", () => {
  it("reads a comma list over the defaults", () => {
    const spec = parseFaults("latency=100, throttle=0.1,lag=2000,retryAfter=2,tokenLifetime=60");
    expect(spec).toEqual({
      ...NO_FAULTS,
      latency: 100,
      throttle: 0.1,
      lag: 2000,
      retryAfter: 2,
      tokenLifetime: 60,
    });
    expect(formatFaults(spec)).toBe("latency=100,throttle=0.1,retryAfter=2,lag=2000,tokenLifetime=60");
    expect(parseFaults(undefined)).toEqual(NO_FAULTS);
  });

  it("names the bad part", () => {
    expect(() => parseFaults("jitter=3")).toThrow(/unknown key "jitter"/);
    expect(() => parseFaults("throttle=2")).toThrow(/probability/);
    expect(() => parseFaults("latency")).toThrow(/not key=value/);
    expect(() => parseFaults("latency=-1")).toThrow(/>= 0/);
  });
});

describe("seeded faults", () => {
  it("gives the same sequence for the same seed and a different one for another seed", () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const sa = Array.from({ length: 20 }, a);
    expect(Array.from({ length: 20 }, b)).toEqual(sa);
    expect(Array.from({ length: 20 }, c)).not.toEqual(sa);
  });

  it("decides the same outcomes for the same seed, at roughly the configured rates", () => {
    const spec = parseFaults("throttle=0.2,unavailable=0.1,lost=0.3");
    const run = (seed: number) => {
      const f = new FaultInjector(spec, seed);
      return Array.from({ length: 1000 }, (_, i) => f.decide(i % 2 === 0));
    };
    const one = run(7);
    expect(run(7)).toEqual(one);
    const throttled = one.filter((d) => d.before === "throttle").length;
    expect(throttled).toBeGreaterThan(150);
    expect(throttled).toBeLessThan(250);
    expect(one.some((d, i) => d.lost && i % 2 === 1)).toBe(false);
  });

  it("decides nothing when faults are off", () => {
    const f = new FaultInjector(NO_FAULTS, 1);
    expect(
      Array.from({ length: 100 }, () => f.decide(true)).every((d) => d.before === "none" && !d.lost),
    ).toBe(true);
  });
});
