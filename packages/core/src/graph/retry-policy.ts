/** Capped exponential backoff with jitter and a total time budget, for Graph sub-requests. */
import type { Random } from "../ports.js";

export interface RetryPolicy {
  /** First backoff step. */
  readonly baseMs: number;
  /** Largest single backoff step (Retry-After is not capped: it is waited out as sent). */
  readonly capMs: number;
  /** Total time a run may spend retrying before it gives up (a re-run finishes the job). */
  readonly budgetMs: number;
  /**
   * The longest Retry-After this run will sit out (default: whatever the budget has left). A longer
   * one stops the run with `retryAfterSeconds`, so a waiting HTTP caller is told when to come back;
   * it is never shortened (retrying earlier than Graph asked only earns another 429).
   */
  readonly maxRetryAfterMs?: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  baseMs: 500,
  capMs: 8_000,
  budgetMs: 120_000,
};

export function retryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  return { ...defaultRetryPolicy, ...overrides };
}

/** Backoff for the n-th retry (0-based): "equal jitter", half fixed, half random, never above the cap. */
export function backoffMs(policy: RetryPolicy, attempt: number, random: Random): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
