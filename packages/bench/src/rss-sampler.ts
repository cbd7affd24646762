/** Samples process.memoryUsage().rss on an interval and keeps the peak. */
export interface RssSampler {
  /** Stops sampling; returns the peak RSS in bytes (including one last sample). */
  stop(): number;
}

export function sampleRss(intervalMs = 20, read: () => number = () => process.memoryUsage().rss): RssSampler {
  let peak = read();
  const timer = setInterval(() => {
    peak = Math.max(peak, read());
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, read());
      return peak;
    },
  };
}
