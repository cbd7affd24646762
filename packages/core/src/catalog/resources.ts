/**
 * The five resource APIs of Table 1 with their well-known first-party appIds, in the order the
 * portal lists them (alphabetical by portal name), which is also the guide's order.
 */
import { CoreError, ErrorCode } from "../errors.js";
import type { Resource, ResourceKey } from "./types.js";

export const resources: readonly Resource[] = [
  {
    key: "azure-ad-graph",
    name: "Azure Active Directory Graph",
    aliases: ["Windows Azure Active Directory", "Azure AD Graph"],
    appId: "00000002-0000-0000-c000-000000000000",
    // Retired API: no token proves anything useful any more.
    tokenAudience: undefined,
  },
  {
    key: "exchange-online",
    name: "Office 365 Exchange Online",
    aliases: ["Exchange Online"],
    appId: "00000002-0000-0ff1-ce00-000000000000",
    tokenAudience: "https://outlook.office365.com",
  },
  {
    key: "microsoft-graph",
    name: "Microsoft Graph",
    aliases: [],
    appId: "00000003-0000-0000-c000-000000000000",
    tokenAudience: "https://graph.microsoft.com",
  },
  {
    key: "onenote",
    name: "OneNote",
    aliases: [],
    appId: "2d4d3d8e-2be3-4bef-9f87-7875a61c29de",
    // App-only OneNote access ended 2025-03-31, so an app token cannot prove a working grant.
    tokenAudience: undefined,
  },
  {
    key: "sharepoint",
    name: "SharePoint",
    aliases: ["Office 365 SharePoint Online", "SharePoint Online"],
    appId: "00000003-0000-0ff1-ce00-000000000000",
    tokenAudience: "https://{tenant}.sharepoint.com",
  },
];

const resourceKeys: readonly ResourceKey[] = resources.map((resource) => resource.key);

export function isResourceKey(value: string): value is ResourceKey {
  return (resourceKeys as readonly string[]).includes(value);
}

export function resourceByKey(key: ResourceKey): Resource {
  const found = resources.find((resource) => resource.key === key);
  // Unreachable for typed callers (catalog.test.ts checks the array covers ResourceKey); JS callers get a clear error.
  if (found === undefined) {
    throw new CoreError(ErrorCode.InvalidInput, `Unknown resource "${String(key)}".`, { field: "resource" });
  }
  return found;
}

export function resourceByAppId(appId: string): Resource | undefined {
  const wanted = appId.trim().toLowerCase();
  return resources.find((resource) => resource.appId === wanted);
}

/** A resource named by key, portal name, service principal name (any case) or appId. */
export function findResource(nameKeyOrAppId: string): Resource | undefined {
  const wanted = nameKeyOrAppId.trim().toLowerCase();
  return resources.find(
    (resource) =>
      resource.key === wanted ||
      resource.appId === wanted ||
      resource.name.toLowerCase() === wanted ||
      resource.aliases.some((alias) => alias.toLowerCase() === wanted),
  );
}
