/**
 * Permissions the app holds that the profile does not ask for. Collected from all three places
 * (requiredResourceAccess, app role assignments, grant scopes) into one finding per permission.
 */
import type { PermissionKind, ResourceKey } from "../catalog/types.js";
import { resourceKeyByAppId, resourceName } from "./catalog-link.js";
import type { Finding, ObservedTenant } from "./model.js";

export type ExtraPlace = "declared" | "consented";

interface Extra {
  readonly resource: ResourceKey | undefined;
  readonly api: string;
  readonly kind: PermissionKind;
  readonly value: string;
  readonly places: Set<ExtraPlace>;
  removable: boolean;
}

export interface NamedPermission {
  readonly resource: ResourceKey | undefined;
  readonly api: string;
  readonly value: string;
}

/** Names an (appId or object id, kind, id) triple using the tenant's resource service principals. */
export function nameById(
  observed: ObservedTenant,
  match: { readonly appId?: string; readonly objectId?: string },
  kind: PermissionKind,
  id: string,
): NamedPermission {
  const entries = Object.values(observed.resources).filter((resource) => resource !== undefined);
  const resource = entries.find((candidate) =>
    match.objectId !== undefined
      ? candidate.id === match.objectId
      : candidate.appId.toLowerCase() === (match.appId ?? "").toLowerCase(),
  );
  const key = resource?.key ?? (match.appId === undefined ? undefined : resourceKeyByAppId(match.appId));
  const list = kind === "application" ? resource?.appRoles : resource?.scopes;
  const value = list?.find((entry) => entry.id.toLowerCase() === id.toLowerCase())?.value ?? id;
  const api = key === undefined ? `resource ${match.appId ?? match.objectId ?? "?"}` : resourceName(key);
  return { resource: key, api, value };
}

export class ExtraCollector {
  readonly #extras = new Map<string, Extra>();

  add(named: NamedPermission, kind: PermissionKind, place: ExtraPlace, removable: boolean): void {
    const key = `${named.api}|${kind}|${named.value}`;
    const existing = this.#extras.get(key);
    if (existing === undefined) {
      this.#extras.set(key, { ...named, kind, places: new Set([place]), removable });
      return;
    }
    existing.places.add(place);
    existing.removable = existing.removable && removable;
  }

  findings(removeExtra: boolean): Finding[] {
    return [...this.#extras.values()].map((extra) => {
      const where = [...extra.places].join(" and ");
      const outcome = !removeExtra
        ? "kept; run with removeExtra to remove it"
        : extra.removable
          ? "it will be removed"
          : "it cannot be removed automatically; remove it in the Entra admin center";
      return {
        kind: "extra-permission",
        ...(extra.resource === undefined ? {} : { resource: extra.resource }),
        value: extra.value,
        message: `${extra.api} ${extra.value} (${extra.kind}) is ${where} but not in the profile; ${outcome}.`,
      };
    });
  }
}
