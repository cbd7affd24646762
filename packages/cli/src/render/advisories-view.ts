/** Advisories that apply to the app's permissions, with the admin's next action filled in. */
import type { Permission } from "@boxafe-connect/core";
import { advisoriesFor, advisoryAction, advisoryMarker } from "@boxafe-connect/core";
import type { Style } from "../style.js";

export interface AdvisoryNote {
  readonly id: string;
  readonly title: string;
  readonly status: string;
  readonly marker: string;
  readonly action: string;
}

export function advisoryNotes(permissions: readonly Permission[], appId: string): AdvisoryNote[] {
  const seen = new Map<string, AdvisoryNote>();
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

export function advisoryLines(notes: readonly AdvisoryNote[], style: Style): string[] {
  if (notes.length === 0) return [];
  return [
    style.bold("Next steps for you:"),
    ...notes.flatMap((n) => [`  ${style.yellow("!")} ${n.title} (${n.marker})`, `    ${n.action}`]),
  ];
}
