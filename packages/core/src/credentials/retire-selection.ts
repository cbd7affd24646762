/**
 * Which credentials phase two of a rotation removes, shared by `secret retire`, `certificate
 * retire` and anything else that retires: never the proven one (the credential Boxafe now holds),
 * never when one of ours is newer than it (someone may hold that one: prove it instead), `keep`
 * keeps the N newest held ones (the proven one counts), `olderThan` spares recent ones. Credentials
 * nobody holds (an interrupted run's) are not worth keeping and go whatever `keep` says. The
 * caller passes only credentials boxafe-connect made: someone else's are never candidates.
 */

export interface RetireCandidate {
  readonly keyId: string;
  readonly startDateTime: string;
  /** Added by an interrupted run and never handed over: nobody holds it. */
  readonly unheld: boolean;
}

export type RetirementPlan =
  | { readonly kind: "newer-exists"; readonly newer: RetireCandidate }
  | { readonly kind: "retire"; readonly kept: readonly string[]; readonly removed: readonly string[] };

const newestFirst = (a: RetireCandidate, b: RetireCandidate) =>
  b.startDateTime.localeCompare(a.startDateTime);

export function planRetirement(
  ours: readonly RetireCandidate[],
  proven: { readonly keyId: string; readonly startDateTime: string },
  options: { readonly keep: number; readonly cutoffMs: number },
): RetirementPlan {
  const held = ours.filter((c) => !c.unheld && c.keyId !== proven.keyId).sort(newestFirst);
  const newer = held.find((c) => c.startDateTime > proven.startDateTime);
  if (newer !== undefined) return { kind: "newer-exists", newer };
  const kept = [proven.keyId, ...held.slice(0, Math.max(0, options.keep - 1)).map((c) => c.keyId)];
  const removed = ours
    .filter((c) => !kept.includes(c.keyId))
    .filter((c) => Date.parse(c.startDateTime) <= options.cutoffMs)
    .map((c) => c.keyId);
  return { kind: "retire", kept, removed };
}
