import { describe, expect, it } from "vitest";
import { ADMIN_SCOPES, adminScopes } from "./admin-scopes.js";
import { WEB_APP_SCOPES } from "./web-app.js";

describe("admin scopes", () => {
  it("asks for User.Read besides the three write scopes (GET /organization needs it)", () => {
    expect(adminScopes("https://graph.microsoft.com/")).toEqual([
      "https://graph.microsoft.com/Application.ReadWrite.All",
      "https://graph.microsoft.com/AppRoleAssignment.ReadWrite.All",
      "https://graph.microsoft.com/DelegatedPermissionGrant.ReadWrite.All",
      "https://graph.microsoft.com/User.Read",
    ]);
    for (const scope of ADMIN_SCOPES) expect(scope.why.length).toBeGreaterThan(20);
  });

  it("is the same set the web page's own registration declares", () => {
    expect(WEB_APP_SCOPES.map((s) => s.value).sort()).toEqual(ADMIN_SCOPES.map((s) => s.value).sort());
  });
});
