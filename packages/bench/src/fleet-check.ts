/**
 * The fleet's expected outcomes: which apps are set up partially (and without which permissions),
 * and whether a verification report says exactly that.
 */
import { type Permission, permissionKey, resourceByKey, type VerificationReport } from "@boxafe-connect/core";

/** Application permissions an app token can prove (the resource has a token audience). */
export function tokenVerifiable(permissions: readonly Permission[]): Permission[] {
  return permissions.filter(
    (p) => p.kind === "application" && resourceByKey(p.resource).tokenAudience !== undefined,
  );
}

/**
 * Every tenth app (index 3, 13, 23, ...) is set up without 1 to 3 token-verifiable app roles,
 * rotating through them so that every resource is left out somewhere.
 */
export function removedFor(index: number, permissions: readonly Permission[]): Permission[] {
  if (index % 10 !== 3) return [];
  const candidates = tokenVerifiable(permissions);
  const round = Math.floor(index / 10);
  const count = 1 + (round % 3);
  return Array.from({ length: count }, (_, k) => candidates[(round * 7 + k) % candidates.length]).filter(
    (p): p is Permission => p !== undefined,
  );
}

export interface FleetVerdict {
  readonly correct: boolean;
  readonly problem?: string;
}

/** Exactly the removed permissions reported missing; everything else granted (or unverifiable by design). */
export function judgeReport(report: VerificationReport, removed: readonly Permission[]): FleetVerdict {
  const removedKeys = new Set(removed.map(permissionKey));
  for (const item of report.items) {
    const key = permissionKey(item);
    const verifiable =
      item.kind === "application" && resourceByKey(item.resource).tokenAudience !== undefined;
    const expected = removedKeys.has(key) ? "missing" : verifiable ? "granted" : "unverifiable";
    if (item.status !== expected) {
      return {
        correct: false,
        problem: `${item.resource} ${item.value}: ${item.status}, expected ${expected}${item.detail ? ` (${item.detail})` : ""}`,
      };
    }
  }
  const reported = new Set(report.items.map(permissionKey));
  const absent = [...removedKeys].find((k) => !reported.has(k));
  if (absent) return { correct: false, problem: `${absent} is not in the report` };
  if (report.complete !== (removed.length === 0)) {
    return {
      correct: false,
      problem: `complete=${report.complete} with ${removed.length} permission(s) left out`,
    };
  }
  return { correct: true };
}
