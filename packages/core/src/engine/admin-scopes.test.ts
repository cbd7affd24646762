import { describe, expect, it } from "vitest";
import { ADMIN_SCOPES, adminScopes, isConsentRefusal, preflightScopes } from "./admin-scopes.js";
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

  it("asks for preflight's Policy.Read.All apart, and knows a consent refusal from other failures", () => {
    expect(preflightScopes("https://graph.microsoft.com/")).toEqual([
      "https://graph.microsoft.com/Policy.Read.All",
    ]);
    for (const code of ["AADSTS65001", "AADSTS65004", "AADSTS90094", "aadsts90095"]) {
      expect(isConsentRefusal(code)).toBe(true);
    }
    for (const code of [undefined, "AADSTS50076", "AADSTS53003", "AADSTS700016"]) {
      expect(isConsentRefusal(code)).toBe(false);
    }
  });
});
