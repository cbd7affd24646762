/**
 * Endpoints per Microsoft cloud. Sources: learn.microsoft.com/graph/deployments (token service,
 * Graph and portal roots per national cloud) and learn.microsoft.com/previous-versions/office/
 * office-365-api/api/o365-china-endpoints (partner.outlook.cn for Exchange under 21Vianet).
 * exchangeResource and sharePointHost are token audiences; the sandbox keeps the global ones.
 */
import { CoreError, ErrorCode } from "./errors.js";

export type CloudName = "global" | "usgov" | "china";

export const cloudNames: readonly CloudName[] = ["global", "usgov", "china"];

export interface CloudEndpoints {
  readonly name: CloudName | "sandbox";
  /** Entra token service root, e.g. https://login.microsoftonline.com (no trailing slash). */
  readonly authorityHost: string;
  /** Microsoft Graph service root, e.g. https://graph.microsoft.com (no trailing slash, no version). */
  readonly graphBaseUrl: string;
  /** Exchange Online resource for EWS tokens, e.g. https://outlook.office365.com. */
  readonly exchangeResource: string;
  /** SharePoint host of a tenant, e.g. contoso.sharepoint.com. */
  sharePointHost(tenantName: string): string;
  readonly portalUrl: string;
  /**
   * Where Exchange Online serves EWS (/EWS/Exchange.asmx) and its admin REST (/adminapi/beta/...):
   * the Exchange host of the cloud (outlook.office365.us in GCC High, partner.outlook.cn under 21Vianet);
   * the sandbox's own origin there.
   */
  readonly exchangeBaseUrl: string;
  /** Where a tenant's SharePoint REST lives, e.g. https://contoso.sharepoint.com (the sandbox origin there). */
  sharePointBaseUrl(tenantName: string): string;
}

interface CloudFacts {
  readonly authorityHost: string;
  readonly graphBaseUrl: string;
  readonly exchangeResource: string;
  readonly sharePointSuffix: string;
  readonly portalUrl: string;
}

const CLOUDS: Readonly<Record<CloudName, CloudFacts>> = {
  global: {
    authorityHost: "https://login.microsoftonline.com",
    graphBaseUrl: "https://graph.microsoft.com",
    exchangeResource: "https://outlook.office365.com",
    sharePointSuffix: "sharepoint.com",
    portalUrl: "https://portal.azure.com",
  },
  usgov: {
    authorityHost: "https://login.microsoftonline.us",
    graphBaseUrl: "https://graph.microsoft.us",
    exchangeResource: "https://outlook.office365.us",
    sharePointSuffix: "sharepoint.us",
    portalUrl: "https://portal.azure.us",
  },
  china: {
    authorityHost: "https://login.chinacloudapi.cn",
    graphBaseUrl: "https://microsoftgraph.chinacloudapi.cn",
    exchangeResource: "https://partner.outlook.cn",
    sharePointSuffix: "sharepoint.cn",
    portalUrl: "https://portal.azure.cn",
  },
};

function endpoints(name: CloudName | "sandbox", facts: CloudFacts, serviceOrigin?: string): CloudEndpoints {
  const sharePointHost = (tenantName: string) => `${tenantName}.${facts.sharePointSuffix}`;
  return {
    name,
    authorityHost: facts.authorityHost,
    graphBaseUrl: facts.graphBaseUrl,
    exchangeResource: facts.exchangeResource,
    sharePointHost,
    portalUrl: facts.portalUrl,
    exchangeBaseUrl: serviceOrigin ?? facts.exchangeResource,
    sharePointBaseUrl: (tenantName) => serviceOrigin ?? `https://${sharePointHost(tenantName)}`,
  };
}

export function isCloudName(value: string): value is CloudName {
  return (cloudNames as readonly string[]).includes(value);
}

export function cloudEndpoints(name: CloudName): CloudEndpoints {
  if (!isCloudName(name)) {
    throw new CoreError(
      ErrorCode.InvalidInput,
      `Unknown cloud "${String(name)}": use global, usgov or china.`,
      {
        field: "cloud",
      },
    );
  }
  return endpoints(name, CLOUDS[name]);
}

/** The local sandbox: one origin serves Entra and Graph; resource audiences stay the global ones. */
export function sandboxEndpoints(origin: string): CloudEndpoints {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new CoreError(
      ErrorCode.InvalidInput,
      `Sandbox URL "${origin}" is not a URL, e.g. https://localhost:8443.`,
      {
        field: "sandboxUrl",
      },
    );
  }
  if (url.protocol !== "https:") {
    throw new CoreError(ErrorCode.InvalidInput, `Sandbox URL "${origin}" must use https://.`, {
      field: "sandboxUrl",
    });
  }
  const base = url.origin;
  return endpoints(
    "sandbox",
    { ...CLOUDS.global, authorityHost: base, graphBaseUrl: base, portalUrl: base },
    // Exchange and SharePoint paths are served on the same origin (packages/sandbox README).
    base,
  );
}

const INITIAL_DOMAIN_SUFFIXES = [
  ".onmicrosoft.com",
  ".onmicrosoft.us",
  ".partner.onmschina.cn",
  ".onmschina.cn",
];

/** "contoso.onmicrosoft.com" -> "contoso", the name in https://contoso.sharepoint.com. */
export function sharePointTenantName(initialDomain: string): string {
  const domain = initialDomain.trim().toLowerCase();
  const suffix = INITIAL_DOMAIN_SUFFIXES.find((candidate) => domain.endsWith(candidate));
  const name = suffix === undefined ? "" : domain.slice(0, -suffix.length);
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(name)) {
    throw new CoreError(
      ErrorCode.InvalidInput,
      `"${initialDomain}" is not a tenant's initial domain; pass the one ending in .onmicrosoft.com (e.g. contoso.onmicrosoft.com).`,
      { field: "initialDomain" },
    );
  }
  return name;
}
