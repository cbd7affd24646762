/** requiredResourceAccess as a set of (resourceAppId, type, id): compared order-insensitively. */
import type { RequiredResourceAccess, ResourceAccess } from "./model.js";

export interface AccessEntry {
  readonly resourceAppId: string;
  readonly type: ResourceAccess["type"];
  readonly id: string;
}

export function accessKey(entry: AccessEntry): string {
  return `${entry.resourceAppId.toLowerCase()}|${entry.type}|${entry.id.toLowerCase()}`;
}

/** Flattens Graph's grouped shape, dropping duplicates (first one kept). */
export function flattenAccess(groups: readonly RequiredResourceAccess[]): AccessEntry[] {
  const seen = new Set<string>();
  const entries: AccessEntry[] = [];
  for (const group of groups) {
    for (const access of group.resourceAccess) {
      const entry = { resourceAppId: group.resourceAppId, type: access.type, id: access.id };
      const key = accessKey(entry);
      if (!seen.has(key)) {
        seen.add(key);
        entries.push(entry);
      }
    }
  }
  return entries;
}

/** Groups entries by resourceAppId in first-appearance order (Graph wants one block per resource). */
export function groupAccess(entries: readonly AccessEntry[]): RequiredResourceAccess[] {
  const groups = new Map<string, { resourceAppId: string; resourceAccess: ResourceAccess[] }>();
  const seen = new Set<string>();
  for (const entry of entries) {
    const key = accessKey(entry);
    if (seen.has(key)) continue;
    seen.add(key);
    const groupKey = entry.resourceAppId.toLowerCase();
    let group = groups.get(groupKey);
    if (group === undefined) {
      group = { resourceAppId: entry.resourceAppId, resourceAccess: [] };
      groups.set(groupKey, group);
    }
    group.resourceAccess.push({ id: entry.id, type: entry.type });
  }
  return [...groups.values()];
}

export function sameAccess(a: readonly AccessEntry[], b: readonly AccessEntry[]): boolean {
  const left = new Set(a.map(accessKey));
  const right = new Set(b.map(accessKey));
  return left.size === right.size && [...left].every((key) => right.has(key));
}
