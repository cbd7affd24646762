import { describe, expect, it } from "vitest";
import type { CloudName } from "./clouds.js";
import { cloudEndpoints, isCloudName, sandboxEndpoints, sharePointTenantName } from "./clouds.js";

describe("cloudEndpoints", () => {
  it.each([
    [
      "global",
      "https://login.microsoftonline.com",
      "https://graph.microsoft.com",
      "https://outlook.office365.com",
      "contoso.sharepoint.com",
    ],
    [
      "usgov",
      "https://login.microsoftonline.us",
      "https://graph.microsoft.us",
      "https://outlook.office365.us",
      "contoso.sharepoint.us",
    ],
    [
      "china",
      "https://login.chinacloudapi.cn",
      "https://microsoftgraph.chinacloudapi.cn",
      "https://partner.outlook.cn",
      "contoso.sharepoint.cn",
    ],
  ] as const)("%s", (name, authorityHost, graphBaseUrl, exchangeResource, sharePoint) => {
    const cloud = cloudEndpoints(name);
    expect(cloud).toMatchObject({ name, authorityHost, graphBaseUrl, exchangeResource });
    expect(cloud.sharePointHost("contoso")).toBe(sharePoint);
    expect(cloud.portalUrl).toMatch(/^https:\/\/portal\.azure\./);
  });

  it("refuses an unknown cloud, naming the field", () => {
    expect(() => cloudEndpoints("germany" as CloudName)).toThrow(
      expect.objectContaining({ code: "invalid_input", field: "cloud" }),
    );
    expect(isCloudName("usgov")).toBe(true);
    expect(isCloudName("Global")).toBe(false);
  });
});

describe("sandboxEndpoints", () => {
  it("serves Entra and Graph from one origin and keeps the global audiences", () => {
    const cloud = sandboxEndpoints("https://localhost:8443/");
    expect(cloud).toMatchObject({
      name: "sandbox",
      authorityHost: "https://localhost:8443",
      graphBaseUrl: "https://localhost:8443",
      exchangeResource: "https://outlook.office365.com",
    });
    expect(cloud.sharePointHost("contoso")).toBe("contoso.sharepoint.com");
  });

  it.each(["localhost:8443", "http://localhost:8443", ""])("refuses %j", (origin) => {
    expect(() => sandboxEndpoints(origin)).toThrow(expect.objectContaining({ field: "sandboxUrl" }));
  });
});

describe("sharePointTenantName", () => {
  it.each([
    ["contoso.onmicrosoft.com", "contoso"],
    [" Contoso.OnMicrosoft.com ", "contoso"],
    ["fabrikam.onmicrosoft.us", "fabrikam"],
    ["wingtip.partner.onmschina.cn", "wingtip"],
  ])("%j -> %j", (domain, name) => {
    expect(sharePointTenantName(domain)).toBe(name);
  });

  it.each(["contoso.com", "onmicrosoft.com", ".onmicrosoft.com", "a.b.onmicrosoft.com", ""])(
    "refuses %j",
    (domain) => {
      expect(() => sharePointTenantName(domain)).toThrow(
        expect.objectContaining({ code: "invalid_input", field: "initialDomain" }),
      );
    },
  );
});
