import { describe, expect, it } from "vitest";
import { type SetupFigures, setupSection } from "./bench-setup.js";

function figures(latency: number, oursMs: number, baselineMs: number, requests = 5, trips = 4): SetupFigures {
  const ours = {
    graphRequests: requests,
    subRequests: 33,
    roundTrips: trips,
    tokenRequests: 3,
    configuredMs: oursMs,
    verifiedMs: oursMs * 1.5,
    complete: true,
  };
  const baseline = { graphRequests: 31, roundTrips: 31, ms: baselineMs };
  return { latency, ours: [ours, { ...ours, configuredMs: oursMs + 1000 }, ours], baseline: [baseline] };
}

describe("setupSection", () => {
  it("passes the targets with their figures (medians, worst-case request counts)", () => {
    const section = setupSection([figures(0, 50, 250), figures(50, 300, 1800), figures(150, 700, 5000)]);
    expect(section.targets.map((t) => [t.target, t.pass])).toEqual([
      ["fresh setup <= 6 Graph requests before verification", true],
      ["fresh setup <= 4 sequential round trips before verification", true],
      ["floor reference, not a peer: >= 5x faster than our one-request-at-a-time script at 150 ms", true],
    ]);
    expect(section.targets[2]?.figure).toBe("7.1x (700 ms vs 5,000 ms)");
    expect(section.tables[0]?.rows[2]).toEqual([
      "150 ms",
      "5 (33 in batch)",
      4,
      "700 ms",
      "1,050 ms",
      "yes",
      31,
      "5,000 ms",
      "7.1x",
    ]);
    expect(section.charts[0]?.path).toBe("docs/bench-setup.svg");
    expect(section.charts[0]?.svg).toContain("150 ms latency");
  });

  it("reports a miss with the reason", () => {
    const section = setupSection([figures(0, 50, 250, 7, 5), figures(150, 1500, 5000, 7, 5)]);
    const verdicts = section.targets.map((t) => t.pass);
    expect(verdicts).toEqual([false, false, false]);
    expect(section.targets[2]?.why).toMatch(
      /each of our 5 round trips took 300 ms against 150 ms of latency/,
    );
  });
});
