import { describe, expect, it } from "vitest";
import { sharePointAppInv } from "./app-inv.js";

describe("sharePointAppInv", () => {
  it("produces the exact page, values and XML", () => {
    const inv = sharePointAppInv("contoso", "11111111-2222-4333-8444-555555555555");
    expect(inv.url).toBe("https://contoso-admin.sharepoint.com/_layouts/15/appinv.aspx");
    expect(inv).toMatchObject({ appDomain: "localhost", redirectUrl: "https://localhost" });
    expect(inv.permissionRequestXml).toBe(
      '<AppPermissionRequests AllowAppOnlyPolicy="true">\n  <AppPermissionRequest Scope="http://sharepoint/content/tenant" Right="FullControl" />\n</AppPermissionRequests>',
    );
    expect(inv.advisory).toContain("2026-04-02");
  });
  it("rejects a bad tenant name or app id naming the field", () => {
    expect(() => sharePointAppInv("contoso.com", "11111111-2222-4333-8444-555555555555")).toThrow(
      expect.objectContaining({ field: "tenantName" }),
    );
    expect(() => sharePointAppInv("contoso", "nope")).toThrow(expect.objectContaining({ field: "appId" }));
  });
});
