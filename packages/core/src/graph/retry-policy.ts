/** Capped exponential backoff with jitter and a total time budget, for Graph sub-requests. */
import type { Random } from "../ports.js";

export interface RetryPolicy {
  /** First backoff step. */
  readonly baseMs: number;
  /** Largest single wait (Retry-After is honoured up to `maxRetryAfterMs`). */
  readonly capMs: number;
  /** Total time a run may spend retrying before it gives up (a re-run finishes the job). */
  readonly budgetMs: number;
  /** Retry-After values above this are clamped, so one throttle cannot eat the whole budget. */
  readonly maxRetryAfterMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  baseMs: 500,
  capMs: 8_000,
  budgetMs: 120_000,
  maxRetryAfterMs: 60_000,
};

export function retryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  return { ...defaultRetryPolicy, ...overrides };
}

/** Backoff for the n-th retry (0-based): "equal jitter", half fixed, half random, never above the cap. */
export function backoffMs(policy: RetryPolicy, attempt: number, random: Random): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
