/** The few catalog facts the plan engine needs, read from the catalog (never duplicated here). */
import { resourceByAppId, resourceByKey } from "../catalog/resources.js";
import type { ResourceKey } from "../catalog/types.js";

export function resourceAppId(key: ResourceKey): string {
  return resourceByKey(key).appId;
}

export function resourceName(key: ResourceKey): string {
  return resourceByKey(key).name;
}

export function resourceKeyByAppId(appId: string): ResourceKey | undefined {
  return resourceByAppId(appId)?.key;
}
