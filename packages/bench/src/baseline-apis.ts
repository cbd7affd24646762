/** From catalog permissions to the per-resource lists a peer tool takes on its command line. */
import { type Permission, resourceByKey } from "@boxafe-connect/core";
import type { BaselineApi } from "./baseline-sequential.js";

export function baselineApis(permissions: readonly Permission[]): BaselineApi[] {
  const byResource = new Map<string, { application: string[]; delegated: string[] }>();
  for (const permission of permissions) {
    const appId = resourceByKey(permission.resource).appId;
    let entry = byResource.get(appId);
    if (!entry) {
      entry = { application: [], delegated: [] };
      byResource.set(appId, entry);
    }
    (permission.kind === "application" ? entry.application : entry.delegated).push(permission.value);
  }
  return [...byResource].map(([resourceAppId, lists]) => ({ resourceAppId, ...lists }));
}
