/** The catalog as the portal shows it: permissions grouped by API. The exact shape of `permissions --json`. */
import { resolveProfile } from "../profiles/resolve-profile.js";
import { advisoriesFor, advisoryAction } from "./advisories.js";
import { resources } from "./resources.js";
import type { AdvisoryId, PermissionKind, Profile } from "./types.js";

export interface AdvisoryView {
  readonly id: AdvisoryId;
  readonly title: string;
  readonly status: "retired" | "blocked" | "retiring";
  readonly effectiveOn: string;
  readonly action: string;
}

export interface PermissionView {
  readonly value: string;
  readonly kind: PermissionKind;
  readonly id: string;
  readonly description: string;
  readonly adminConsentRequired: boolean;
  readonly advisories: readonly AdvisoryView[];
}

export interface ResourceView {
  readonly name: string;
  readonly appId: string;
  readonly permissions: readonly PermissionView[];
}

export interface PermissionsView {
  readonly profile: string;
  readonly resources: readonly ResourceView[];
}

export interface PermissionsViewOptions {
  readonly skipRetired?: boolean;
  /** Fills `{appId}` in advisory actions when the app is known. */
  readonly appId?: string;
}

/** Resources in portal order (by name), permissions in profile order; APIs with none are left out. */
export function permissionsView(profile: Profile, options: PermissionsViewOptions = {}): PermissionsView {
  const resolved = resolveProfile(
    profile,
    options.skipRetired === undefined ? {} : { skipRetired: options.skipRetired },
  );
  const groups = resources
    .map(
      (resource): ResourceView => ({
        name: resource.name,
        appId: resource.appId,
        permissions: resolved
          .filter((permission) => permission.resource === resource.key)
          .map((permission) => ({
            value: permission.value,
            kind: permission.kind,
            id: permission.id,
            description: permission.description,
            adminConsentRequired: permission.adminConsentRequired,
            advisories: advisoriesFor(permission).map((advisory) => ({
              id: advisory.id,
              title: advisory.title,
              status: advisory.status,
              effectiveOn: advisory.effectiveOn,
              action: options.appId === undefined ? advisory.action : advisoryAction(advisory, options.appId),
            })),
          })),
      }),
    )
    .filter((group) => group.permissions.length > 0);
  return { profile: profile.name, resources: groups };
}
