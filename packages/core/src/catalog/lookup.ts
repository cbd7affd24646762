/** Lookups over the catalog, always by (resource, kind, value): GUIDs are only unique per resource. */
import { graphMailPermissions } from "./graph-mail-permissions.js";
import { permissions } from "./permissions.js";
import type { Permission, PermissionRef } from "./types.js";

/** A stable string key for a permission reference, e.g. "microsoft-graph/application/Mail.ReadWrite". */
export function permissionKey(ref: PermissionRef): string {
  return `${ref.resource}/${ref.kind}/${ref.value}`;
}

export function sameRef(a: PermissionRef, b: PermissionRef): boolean {
  return a.resource === b.resource && a.kind === b.kind && a.value === b.value;
}

/** Table 1 and the opt-in permissions a built-in profile may add. */
const known: readonly Permission[] = [...permissions, ...graphMailPermissions];

export function findPermission(ref: PermissionRef): Permission | undefined {
  return known.find((permission) => sameRef(permission, ref));
}

/** The catalog entry for a GUID under one resource (appRole or scope id), e.g. when reading a tenant. */
export function permissionById(
  resource: PermissionRef["resource"],
  kind: PermissionRef["kind"],
  id: string,
): Permission | undefined {
  const wanted = id.toLowerCase();
  return known.find((p) => p.resource === resource && p.kind === kind && p.id === wanted);
}
