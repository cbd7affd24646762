/**
 * Per permission of the profile, where the tenant stands: granted (consented: an app role
 * assignment, or the scope in our AllPrincipals grant), declared-only (on the app's
 * requiredResourceAccess, no consent), missing (neither), retired (an API that no longer works,
 * whatever the tenant holds). Pure; the same reading the plan makes (live ids win over the catalog's).
 */
import { advisoriesFor } from "../catalog/advisories.js";
import type { Advisory, PermissionKind, ResourceKey } from "../catalog/types.js";
import type { Desired, ObservedTenant } from "./model.js";
import { accessKey, flattenAccess } from "./required-access.js";
import { resolvePermissions } from "./resolve-ids.js";
import { splitScopes } from "./scopes.js";

export const PERMISSION_STATUSES = ["granted", "missing", "declared-only", "retired"] as const;
export type PermissionStatus = (typeof PERMISSION_STATUSES)[number];

export interface PermissionStatusRow {
  readonly resource: ResourceKey;
  readonly value: string;
  readonly kind: PermissionKind;
  readonly status: PermissionStatus;
  readonly advisories: readonly Advisory[];
}

/** One row per desired permission, in the desired order. */
export function permissionStatuses(desired: Desired, observed: ObservedTenant): PermissionStatusRow[] {
  const resolution = resolvePermissions(desired.permissions, observed);
  const app = observed.application;
  const spId = observed.servicePrincipal?.id;
  const declared = new Set(app === undefined ? [] : flattenAccess(app.requiredResourceAccess).map(accessKey));
  const assignments = spId === undefined ? [] : observed.assignments.filter((a) => a.principalId === spId);
  const grants =
    spId === undefined
      ? []
      : observed.grants.filter((g) => g.clientId === spId && g.consentType === "AllPrincipals");

  return resolution.permissions.map(({ permission, id }) => {
    const { resource, value, kind } = permission;
    const advisories = advisoriesFor(permission);
    const resourceSpId = observed.resources[resource]?.id;
    const consented =
      resourceSpId !== undefined &&
      (kind === "application"
        ? assignments.some(
            (a) => a.resourceId === resourceSpId && a.appRoleId.toLowerCase() === id.toLowerCase(),
          )
        : grants.some((g) => g.resourceId === resourceSpId && splitScopes(g.scope).includes(value)));
    const isDeclared = declared.has(
      accessKey({
        resourceAppId: resolution.appIdOf(resource),
        type: kind === "application" ? "Role" : "Scope",
        id,
      }),
    );
    const status: PermissionStatus = advisories.some((a) => a.status === "retired")
      ? "retired"
      : consented
        ? "granted"
        : isDeclared
          ? "declared-only"
          : "missing";
    return { resource, value, kind, status, advisories };
  });
}
