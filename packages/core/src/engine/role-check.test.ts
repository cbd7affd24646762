import { UnsecuredJWT } from "jose";
import { describe, expect, it } from "vitest";
import { checkRole, directoryRoles, requireAdmin } from "./role-check.js";

const token = (wids: string[]) =>
  new UnsecuredJWT({ wids, tid: "t", upn: "someone@contoso.onmicrosoft.com" }).encode();

describe("checkRole", () => {
  it.each([
    ["Global Administrator", directoryRoles.globalAdministrator],
    ["Privileged Role Administrator", directoryRoles.privilegedRoleAdministrator],
  ])("accepts a %s", (name, wid) => {
    expect(checkRole(token([wid]))).toMatchObject({ ok: true, roles: [name], tenantId: "t" });
  });

  it.each([directoryRoles.applicationAdministrator, directoryRoles.cloudApplicationAdministrator])(
    "refuses an application administrator role (%s) and explains the Microsoft Graph app roles",
    (wid) => {
      const check = checkRole(token([wid]));
      expect(check.ok).toBe(false);
      expect(check.message).toContain("10 Microsoft Graph application permissions");
      expect(check.message).toContain("Global Administrator or Privileged Role Administrator");
    },
  );

  it("refuses an account without a role, naming the roles needed", () => {
    const error = (() => {
      try {
        requireAdmin(token([]));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toMatchObject({ code: "insufficient_role" });
    expect(String((error as Error).message)).toContain(
      "Global Administrator or Privileged Role Administrator",
    );
  });

  it("rejects garbage as a failed sign-in", () => {
    expect(() => checkRole("not-a-jwt")).toThrow(expect.objectContaining({ code: "sign_in_failed" }));
  });
});
