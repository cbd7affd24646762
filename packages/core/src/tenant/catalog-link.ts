/**
 * The few catalog facts the plan engine needs (resource appIds and portal names). Kept in one
 * place so the engine reads them from the catalog module and nowhere else.
 */
import type { ResourceKey } from "../catalog/types.js";

const RESOURCE_FACTS: Readonly<Record<ResourceKey, { readonly appId: string; readonly name: string }>> = {
  "microsoft-graph": { appId: "00000003-0000-0000-c000-000000000000", name: "Microsoft Graph" },
  "exchange-online": { appId: "00000002-0000-0ff1-ce00-000000000000", name: "Office 365 Exchange Online" },
  sharepoint: { appId: "00000003-0000-0ff1-ce00-000000000000", name: "SharePoint" },
  onenote: { appId: "2d4d3d8e-2be3-4bef-9f87-7875a61c29de", name: "OneNote" },
  "azure-ad-graph": { appId: "00000002-0000-0000-c000-000000000000", name: "Azure Active Directory Graph" },
};

export function resourceAppId(key: ResourceKey): string {
  return RESOURCE_FACTS[key].appId;
}

export function resourceName(key: ResourceKey): string {
  return RESOURCE_FACTS[key].name;
}

export function resourceKeyByAppId(appId: string): ResourceKey | undefined {
  const wanted = appId.toLowerCase();
  const keys = Object.keys(RESOURCE_FACTS) as ResourceKey[];
  return keys.find((key) => RESOURCE_FACTS[key].appId === wanted);
}
