/** Fault injection: off by default, deterministic for a given seed and request order. */

export interface FaultSpec {
  /** Added delay on every Graph and token request, in ms. */
  latency: number;
  /** Probability of 429 Too Many Requests. */
  throttle: number;
  /** Retry-After seconds sent with a 429 or a 503. */
  retryAfter: number;
  /** Probability of 503 Service Unavailable. */
  unavailable: number;
  /** Probability that a committed write's response is lost (socket destroyed). */
  lost: number;
  /** Replication lag in ms: new objects stay invisible to reads and references. */
  lag: number;
  /** Lifetime of issued access tokens, in seconds. */
  tokenLifetime: number;
}

export const NO_FAULTS: FaultSpec = {
  latency: 0,
  throttle: 0,
  retryAfter: 1,
  unavailable: 0,
  lost: 0,
  lag: 0,
  tokenLifetime: 3599,
};

const KEYS = Object.keys(NO_FAULTS) as (keyof FaultSpec)[];
const PROBABILITIES: (keyof FaultSpec)[] = ["throttle", "unavailable", "lost"];

/** Parses `latency=100,throttle=0.1,lag=2000` (also accepts a partial object). Throws naming the bad part. */
export function parseFaults(
  spec: string | Partial<FaultSpec> | undefined,
  base: FaultSpec = NO_FAULTS,
): FaultSpec {
  const out: FaultSpec = { ...base };
  if (spec === undefined || spec === "") return out;
  const entries: [string, unknown][] =
    typeof spec === "string"
      ? spec.split(",").map((part) => {
          const [k, v, extra] = part.trim().split("=");
          if (!k || v === undefined || extra !== undefined)
            throw new Error(`faults: "${part}" is not key=value`);
          return [k.trim(), v.trim()];
        })
      : Object.entries(spec);
  for (const [key, raw] of entries) {
    if (!KEYS.includes(key as keyof FaultSpec)) {
      throw new Error(`faults: unknown key "${key}" (use ${KEYS.join(", ")})`);
    }
    const value = Number(raw);
    const k = key as keyof FaultSpec;
    if (!Number.isFinite(value) || value < 0) throw new Error(`faults: ${key} must be a number >= 0`);
    if (PROBABILITIES.includes(k) && value > 1)
      throw new Error(`faults: ${key} is a probability between 0 and 1`);
    out[k] = value;
  }
  return out;
}

export function formatFaults(spec: FaultSpec): string {
  return KEYS.filter((k) => spec[k] !== NO_FAULTS[k])
    .map((k) => `${k}=${spec[k]}`)
    .join(",");
}

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type FaultDecision = "throttle" | "unavailable" | "lost" | "none";

/** Draws a fixed number of values per request so one request's outcome never shifts the next one's. */
export class FaultInjector {
  spec: FaultSpec;
  private random: () => number;
  private seed: number;

  constructor(spec: FaultSpec, seed: number) {
    this.spec = spec;
    this.seed = seed;
    this.random = seededRandom(seed);
  }

  set(spec: FaultSpec, seed?: number): void {
    this.spec = spec;
    if (seed !== undefined) this.seed = seed;
    this.random = seededRandom(this.seed);
  }

  /** Before the handler runs: 429, 503 or go on. After a write: `lost` says whether to drop the response. */
  decide(isWrite: boolean): { before: FaultDecision; lost: boolean } {
    const t = this.random();
    const u = this.random();
    const l = this.random();
    if (t < this.spec.throttle) return { before: "throttle", lost: false };
    if (u < this.spec.unavailable) return { before: "unavailable", lost: false };
    return { before: "none", lost: isWrite && l < this.spec.lost };
  }
}
