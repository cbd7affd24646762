/**
 * Resolves each desired permission's GUID against the resource service principal actually present
 * in the tenant, by value. The live id wins over the catalog's; a difference is reported.
 */
import type { Permission, ResourceKey } from "../catalog/types.js";
import { resourceAppId, resourceName } from "./catalog-link.js";
import type { Finding, ObservedResource, ObservedTenant } from "./model.js";

export interface ResolvedPermission {
  readonly permission: Permission;
  /** The id to declare and consent: the live one when the resource offers the value. */
  readonly id: string;
  /** False when the resource exists in the tenant but does not offer this value: declare, don't consent. */
  readonly consentable: boolean;
}

export interface Resolution {
  readonly permissions: readonly ResolvedPermission[];
  /** Resources the profile needs whose service principal is missing in the tenant, in profile order. */
  readonly missingResources: readonly ResourceKey[];
  readonly findings: readonly Finding[];
  readonly appIdOf: (key: ResourceKey) => string;
}

function offered(resource: ObservedResource, permission: Permission): string | undefined {
  const list = permission.kind === "application" ? resource.appRoles : resource.scopes;
  return list.find((entry) => entry.value === permission.value)?.id;
}

export function kindLabel(kind: Permission["kind"]): string {
  return kind === "application" ? "application" : "delegated";
}

export function resolvePermissions(permissions: readonly Permission[], observed: ObservedTenant): Resolution {
  const resolved: ResolvedPermission[] = [];
  const missing: ResourceKey[] = [];
  const findings: Finding[] = [];
  for (const permission of permissions) {
    const resource = observed.resources[permission.resource];
    const api = resourceName(permission.resource);
    if (resource === undefined) {
      if (!missing.includes(permission.resource)) {
        missing.push(permission.resource);
        findings.push({
          kind: "missing-resource",
          resource: permission.resource,
          message: `${api} has no service principal in this tenant yet; it will be added before consent.`,
        });
      }
      resolved.push({ permission, id: permission.id, consentable: true });
      continue;
    }
    const liveId = offered(resource, permission);
    if (liveId === undefined) {
      findings.push({
        kind: "permission-not-offered",
        resource: permission.resource,
        value: permission.value,
        message: `${api} in this tenant does not offer the ${kindLabel(permission.kind)} permission ${permission.value}; it is declared but cannot be consented (see advisories).`,
      });
      resolved.push({ permission, id: permission.id, consentable: false });
      continue;
    }
    if (liveId.toLowerCase() !== permission.id.toLowerCase()) {
      findings.push({
        kind: "id-mismatch",
        resource: permission.resource,
        value: permission.value,
        message: `${api} ${permission.value} (${kindLabel(permission.kind)}) has id ${liveId} in this tenant, not the catalog's ${permission.id}; the tenant's id is used.`,
      });
    }
    resolved.push({ permission, id: liveId, consentable: true });
  }
  const appIdOf = (key: ResourceKey): string => observed.resources[key]?.appId ?? resourceAppId(key);
  return { permissions: resolved, missingResources: missing, findings, appIdOf };
}
