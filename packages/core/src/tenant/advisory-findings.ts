/**
 * Advisories as findings, for the review screen and drift reports. Kept out of `plan` on purpose:
 * they are catalog facts about the profile, not differences in the tenant.
 */
import { advisoriesFor, advisoryAction } from "../catalog/advisories.js";
import type { Permission } from "../catalog/types.js";
import type { Finding } from "./model.js";

/** One finding per advisory that touches the permissions, naming them; `{appId}` filled when known. */
export function advisoryFindings(permissions: readonly Permission[], appId = "{appId}"): Finding[] {
  const byAdvisory = new Map<string, { title: string; action: string; values: string[] }>();
  for (const permission of permissions) {
    for (const advisory of advisoriesFor(permission)) {
      const entry = byAdvisory.get(advisory.id) ?? {
        title: advisory.title,
        action: advisoryAction(advisory, appId),
        values: [],
      };
      entry.values.push(`${permission.value} (${permission.kind})`);
      byAdvisory.set(advisory.id, entry);
    }
  }
  return [...byAdvisory.values()].map((entry) => ({
    kind: "advisory",
    message: `${entry.title}: ${entry.values.join(", ")}. ${entry.action}`,
  }));
}
