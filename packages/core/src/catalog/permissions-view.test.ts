import { describe, expect, it } from "vitest";
import { boxafeProfile } from "../profiles/boxafe.js";
import { permissionsView } from "./permissions-view.js";

describe("permissionsView", () => {
  it("groups the boxafe profile by API in portal order with the exact JSON keys", () => {
    const view = permissionsView(boxafeProfile);
    expect(view.profile).toBe("boxafe");
    expect(view.resources.map((r) => [r.name, r.permissions.length])).toEqual([
      ["Azure Active Directory Graph", 1],
      ["Office 365 Exchange Online", 7],
      ["Microsoft Graph", 14],
      ["OneNote", 1],
      ["SharePoint", 3],
    ]);
    expect(Object.keys(view)).toEqual(["profile", "resources"]);
    const graph = view.resources[2];
    expect(graph && Object.keys(graph)).toEqual(["name", "appId", "permissions"]);
    expect(graph?.appId).toBe("00000003-0000-0000-c000-000000000000");
    expect(graph?.permissions[0]).toEqual({
      value: "openid",
      kind: "delegated",
      id: "37f7f235-527c-4136-accd-4a02d197296e",
      description: "Sign users in",
      adminConsentRequired: false,
      advisories: [],
    });
  });

  it("attaches advisories with id, title, status, effectiveOn and action only", () => {
    const view = permissionsView(boxafeProfile);
    const ews = view.resources[1]?.permissions.find((p) => p.value === "full_access_as_app");
    expect(ews?.advisories).toHaveLength(1);
    expect(Object.keys(ews?.advisories[0] ?? {})).toEqual(["id", "title", "status", "effectiveOn", "action"]);
    expect(ews?.advisories[0]?.action).toContain("{appId}");
    const filled = permissionsView(boxafeProfile, { appId: "abc" }).resources[1]?.permissions[1]
      ?.advisories[0];
    expect(filled?.action).toContain('+ "abc"');
  });

  it("leaves out retired permissions and then empty APIs when asked", () => {
    const view = permissionsView(boxafeProfile, { skipRetired: true });
    expect(view.resources.map((r) => r.name)).toEqual([
      "Office 365 Exchange Online",
      "Microsoft Graph",
      "SharePoint",
    ]);
    expect(view.resources.reduce((n, r) => n + r.permissions.length, 0)).toBe(18);
  });

  it("survives a JSON round trip unchanged", () => {
    const view = permissionsView(boxafeProfile);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });
});
