/** Time budgets: a section's own, and a run's (the sum of its sections', so none starves another). */

export interface Budgeted {
  readonly budgetMs: number;
}

export function runBudgetMs(sections: readonly Budgeted[]): number {
  return sections.reduce((sum, section) => sum + section.budgetMs, 0);
}

/**
 * A budget that grows with the work: `fixedMs` for start-up (a sandbox, a build) plus `perItemMs` for each
 * tenant or app, so a section sized by an environment variable is neither cut short at 1,000 nor left
 * waiting on a hung run at 100.
 */
export function scaledBudgetMs(items: number, fixedMs: number, perItemMs: number): number {
  if (!Number.isFinite(items) || items < 1)
    throw new RangeError(`the item count must be at least 1 (got ${items})`);
  return Math.round(fixedMs + items * perItemMs);
}
