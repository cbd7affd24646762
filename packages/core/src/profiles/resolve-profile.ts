/** From a profile (named references) to catalog permissions with GUIDs, optionally without retired ones. */
import { isRetired } from "../catalog/advisories.js";
import { findPermission, permissionKey } from "../catalog/lookup.js";
import type { Permission, Profile } from "../catalog/types.js";
import { CoreError, ErrorCode } from "../errors.js";

export interface ResolveOptions {
  /** Leave out permissions whose API is retired (Azure AD Graph, OneNote app-only). */
  readonly skipRetired?: boolean;
}

export function resolveProfile(profile: Profile, options: ResolveOptions = {}): Permission[] {
  const seen = new Set<string>();
  const resolved: Permission[] = [];
  profile.permissions.forEach((ref, index) => {
    const permission = findPermission(ref);
    if (permission === undefined) {
      throw new CoreError(
        ErrorCode.UnknownPermission,
        `Profile "${profile.name}": ${ref.kind} permission "${ref.value}" of ${ref.resource} is not in the catalog. Fix or remove permissions[${index}].`,
        { field: `permissions[${index}]` },
      );
    }
    const key = permissionKey(ref);
    if (seen.has(key)) {
      throw new CoreError(
        ErrorCode.InvalidProfile,
        `Profile "${profile.name}" lists ${ref.resource} ${ref.kind} ${ref.value} twice. Remove permissions[${index}].`,
        { field: `permissions[${index}]` },
      );
    }
    seen.add(key);
    if (options.skipRetired === true && isRetired(ref)) return;
    resolved.push(permission);
  });
  return resolved;
}
