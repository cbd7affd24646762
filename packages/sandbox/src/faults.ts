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
  /**
   * Chance that a read of an object younger than `lag` hits a replica that has not seen it yet (1 = every
   * read, the old behaviour; Entra's replicas catch up at different times, so realistic runs use less).
   */
  lagChance: number;
  /** Probability that a committed write answers 504 Gateway Timeout anyway (a whole $batch: after its writes). */
  gateway: number;
  /** A new secret, certificate or app is refused at the token endpoint for this many ms (real AADSTS codes). */
  credentialLag: number;
  /** A new app role assignment reaches tokens' `roles` only after this many ms. */
  roleLag: number;
  /** Probability that a $batch runs its independent sub-requests in a shuffled (seeded) order. */
  shuffle: number;
  /** The next N requests to Entra's token or device code endpoint answer 503 (a short outage, for sign-in tests). */
  outage: number;
}

export const NO_FAULTS: FaultSpec = {
  latency: 0,
  throttle: 0,
  retryAfter: 1,
  unavailable: 0,
  lost: 0,
  lag: 0,
  tokenLifetime: 3599,
  lagChance: 1,
  gateway: 0,
  credentialLag: 0,
  roleLag: 0,
  shuffle: 0,
  outage: 0,
};

/**
 * Entra's timing, switched on by default in the integration harnesses (runtime, api, cli e2e): replication a
 * read may or may not have seen, a new credential or app the token service does not know yet, new roles that
 * reach tokens later, and $batch sub-requests in no promised order. Short delays keep the suites fast; the
 * behaviour, not the duration, is what the engine must handle. Add `latency=…` for realistic round trips.
 */
export const ENTRA_TIMING = "lag=200,lagChance=0.5,credentialLag=300,roleLag=300,shuffle=1";

const KEYS = Object.keys(NO_FAULTS) as (keyof FaultSpec)[];
const PROBABILITIES: (keyof FaultSpec)[] = [
  "throttle",
  "unavailable",
  "lost",
  "lagChance",
  "gateway",
  "shuffle",
];

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

export interface Decision {
  before: FaultDecision;
  /** After a successful write: drop the connection (the response is lost). */
  lost: boolean;
  /** After a successful write: answer 504 instead (the write stays committed). */
  gateway: boolean;
}

/**
 * Draws a fixed number of values per request so one request's outcome never shifts the next one's. The
 * batch order and the replica a read hits come from their own streams (same seed), so turning one fault
 * on does not change where the others fall.
 */
export class FaultInjector {
  spec: FaultSpec;
  private random: () => number;
  private orderRandom: () => number;
  private replicaRandom: () => number;
  private seed: number;

  constructor(spec: FaultSpec, seed: number) {
    this.spec = spec;
    this.seed = seed;
    this.random = seededRandom(seed);
    this.orderRandom = seededRandom(seed ^ 0x5bd1e995);
    this.replicaRandom = seededRandom(seed ^ 0x27d4eb2f);
  }

  set(spec: FaultSpec, seed?: number): void {
    this.spec = spec;
    if (seed !== undefined) this.seed = seed;
    this.random = seededRandom(this.seed);
    this.orderRandom = seededRandom(this.seed ^ 0x5bd1e995);
    this.replicaRandom = seededRandom(this.seed ^ 0x27d4eb2f);
  }

  /** Before the handler runs: 429, 503 or go on. After a write: lost (connection dropped) or 504. */
  decide(isWrite: boolean): Decision {
    const t = this.random();
    const u = this.random();
    const l = this.random();
    const g = this.random();
    if (t < this.spec.throttle) return { before: "throttle", lost: false, gateway: false };
    if (u < this.spec.unavailable) return { before: "unavailable", lost: false, gateway: false };
    const lost = isWrite && l < this.spec.lost;
    return { before: "none", lost, gateway: isWrite && !lost && g < this.spec.gateway };
  }

  /** Counts the outage down: true while Entra's endpoints are still "out". */
  takeOutage(): boolean {
    if (this.spec.outage <= 0) return false;
    this.spec = { ...this.spec, outage: this.spec.outage - 1 };
    return true;
  }

  /** Whether this read of a not-yet-replicated object misses it (lagChance). */
  staleRead(): boolean {
    return this.replicaRandom() < this.spec.lagChance;
  }

  /** The order a $batch runs its ready sub-requests in: list order, or a seeded pick when shuffled. */
  batchPicker(): (ready: number) => number {
    if (this.orderRandom() >= this.spec.shuffle) return () => 0;
    return (ready) => Math.floor(this.orderRandom() * ready);
  }
}
