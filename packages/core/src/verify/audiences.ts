/** Which token audience proves which resource's app roles, per cloud. */
import { resourceByKey } from "../catalog/resources.js";
import type { ResourceKey } from "../catalog/types.js";
import type { CloudEndpoints } from "../clouds.js";

/**
 * The audience to ask a client-credentials token for, or undefined when no app token can prove the
 * resource (retired APIs) or the SharePoint tenant name is unknown.
 */
export function audienceFor(
  key: ResourceKey,
  cloud: CloudEndpoints,
  sharePointTenant: string | undefined,
): string | undefined {
  switch (key) {
    case "microsoft-graph":
      // The sandbox serves Graph on its own origin but issues the global audience.
      return cloud.name === "sandbox" ? resourceByKey(key).tokenAudience : cloud.graphBaseUrl;
    case "exchange-online":
      return cloud.exchangeResource;
    case "sharepoint":
      return sharePointTenant === undefined ? undefined : `https://${cloud.sharePointHost(sharePointTenant)}`;
    default:
      return resourceByKey(key).tokenAudience;
  }
}
