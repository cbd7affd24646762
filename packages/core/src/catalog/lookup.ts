/** Lookups over the catalog, always by (resource, kind, value): GUIDs are only unique per resource. */
import { permissions } from "./permissions.js";
import type { Permission, PermissionRef } from "./types.js";

/** A stable string key for a permission reference, e.g. "microsoft-graph/application/Mail.ReadWrite". */
export function permissionKey(ref: PermissionRef): string {
  return `${ref.resource}/${ref.kind}/${ref.value}`;
}

export function sameRef(a: PermissionRef, b: PermissionRef): boolean {
  return a.resource === b.resource && a.kind === b.kind && a.value === b.value;
}

export function findPermission(ref: PermissionRef): Permission | undefined {
  return permissions.find((permission) => sameRef(permission, ref));
}

/** The catalog entry for a GUID under one resource (appRole or scope id), e.g. when reading a tenant. */
export function permissionById(
  resource: PermissionRef["resource"],
  kind: PermissionRef["kind"],
  id: string,
): Permission | undefined {
  const wanted = id.toLowerCase();
  return permissions.find((p) => p.resource === resource && p.kind === kind && p.id === wanted);
}
