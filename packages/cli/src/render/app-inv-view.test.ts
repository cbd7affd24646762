import { sharePointAppInv } from "@boxafe-connect/core";
import { describe, expect, it } from "vitest";
import { appInvLines } from "./app-inv-view.js";

const inv = sharePointAppInv("contoso", "11111111-2222-3333-4444-555555555555");

describe("appInvLines", () => {
  it("aligns the labels in a column for the command's output", () => {
    expect(appInvLines(inv, true).slice(0, 5)).toEqual([
      "Open:          https://contoso-admin.sharepoint.com/_layouts/15/appinv.aspx",
      "App Id:        11111111-2222-3333-4444-555555555555",
      `App Domain:    ${inv.appDomain}`,
      `Redirect URL:  ${inv.redirectUrl}`,
      "Permission Request XML:",
    ]);
  });

  it("keeps one space after each label for the wizard's note, the XML last", () => {
    const lines = appInvLines(inv, false);
    expect(lines[0]).toBe(`Open: ${inv.url}`);
    expect(lines[3]).toBe(`Redirect URL: ${inv.redirectUrl}`);
    expect(lines.at(-1)).toBe(inv.permissionRequestXml);
  });
});
