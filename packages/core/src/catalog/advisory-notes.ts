/**
 * The advisories that touch a set of permissions, once each, with the admin's next action filled
 * in for the app: what setup, check and the wizard's hand-over tell the admin to do next.
 */
import { advisoriesFor, advisoryAction, advisoryMarker } from "./advisories.js";
import type { AdvisoryId, Permission } from "./types.js";

export interface AdvisoryNote {
  readonly id: AdvisoryId;
  readonly title: string;
  readonly status: "retired" | "blocked" | "retiring";
  readonly marker: string;
  readonly action: string;
}

/** In the order the permissions first meet them. */
export function advisoryNotes(permissions: readonly Permission[], appId: string): AdvisoryNote[] {
  const seen = new Map<AdvisoryId, AdvisoryNote>();
  for (const permission of permissions) {
    for (const advisory of advisoriesFor(permission)) {
      if (seen.has(advisory.id)) continue;
      seen.set(advisory.id, {
        id: advisory.id,
        title: advisory.title,
        status: advisory.status,
        marker: advisoryMarker(advisory),
        action: advisoryAction(advisory, appId),
      });
    }
  }
  return [...seen.values()];
}
