import { describe, expect, it } from "vitest";
import { runBudgetMs, scaledBudgetMs } from "./budget.js";

describe("budgets", () => {
  it("a run may take the sum of its sections' budgets", () => {
    expect(runBudgetMs([{ budgetMs: 360_000 }, { budgetMs: 1_000_000 }])).toBe(1_360_000);
    expect(runBudgetMs([])).toBe(0);
  });

  it("a scaled budget grows with the number of tenants and refuses a count below 1", () => {
    expect(scaledBudgetMs(100, 60_000, 1_000)).toBe(160_000);
    expect(scaledBudgetMs(1000, 60_000, 1_000)).toBe(1_060_000);
    expect(() => scaledBudgetMs(0, 60_000, 1_000)).toThrow(/at least 1/);
    expect(() => scaledBudgetMs(Number.NaN, 60_000, 1_000)).toThrow(/at least 1/);
  });
});
