import { boxafeProfile, permissionKey, resolveProfile, type VerificationReport } from "@boxafe-connect/core";
import { describe, expect, it } from "vitest";
import { judgeReport, removedFor, tokenVerifiable } from "./fleet-check.js";

const permissions = resolveProfile(boxafeProfile);

function reportFor(missing: Set<string>): VerificationReport {
  const items = permissions.map((p) => {
    const verifiable = tokenVerifiable([p]).length === 1;
    const status = missing.has(permissionKey(p)) ? "missing" : verifiable ? "granted" : "unverifiable";
    return { resource: p.resource, value: p.value, kind: p.kind, status } as const;
  });
  return { complete: missing.size === 0, checkedAt: "2026-11-28T00:00:00Z", items, tokens: [] };
}

describe("removedFor", () => {
  it("leaves out 1 to 3 token-verifiable roles from every tenth app only", () => {
    const counts = Array.from({ length: 1000 }, (_, i) => removedFor(i, permissions).length);
    expect(counts.filter((n) => n > 0)).toHaveLength(100);
    expect(new Set(counts.filter((n) => n > 0))).toEqual(new Set([1, 2, 3]));
    const resources = new Set(
      Array.from({ length: 1000 }, (_, i) => removedFor(i, permissions).map((p) => p.resource)).flat(),
    );
    expect(resources).toEqual(new Set(["microsoft-graph", "exchange-online", "sharepoint"]));
  });
});

describe("judgeReport", () => {
  it("accepts a report that names exactly the removed permissions", () => {
    const removed = removedFor(23, permissions);
    expect(judgeReport(reportFor(new Set(removed.map(permissionKey))), removed)).toEqual({ correct: true });
    expect(judgeReport(reportFor(new Set()), [])).toEqual({ correct: true });
  });

  it("rejects a report that misses one, or calls a granted one missing", () => {
    const removed = removedFor(23, permissions);
    const verdict = judgeReport(reportFor(new Set()), removed);
    expect(verdict.correct).toBe(false);
    expect(verdict.problem).toMatch(/granted, expected missing/);
    const extra = tokenVerifiable(permissions)[0];
    const wrong = judgeReport(reportFor(new Set(extra ? [permissionKey(extra)] : [])), []);
    expect(wrong.problem).toMatch(/missing, expected granted/);
  });
});
