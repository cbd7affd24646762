import { describe, expect, it, vi } from "vitest";
import { sampleRss } from "./rss-sampler.js";

describe("sampleRss", () => {
  it("keeps the highest reading seen between start and stop", () => {
    vi.useFakeTimers();
    try {
      const readings = [100, 300, 250, 120, 90];
      let i = 0;
      const sampler = sampleRss(10, () => readings[Math.min(i++, readings.length - 1)] ?? 0);
      vi.advanceTimersByTime(30);
      expect(sampler.stop()).toBe(300);
    } finally {
      vi.useRealTimers();
    }
  });
});
