import { describe, expect, it } from "vitest";
import { GRAPH_CLI_CLIENT_ID } from "../store/tenant.js";
import { ADMIN, claims, hook, USER, userToken } from "../test/harness.js";
import { GRAPH_SP } from "../test/ids.js";
import { useSandbox } from "../test/suite.js";

const t = useSandbox({ reset: "tenant", signIn: false });
const G = "https://graph.microsoft.com";

interface State {
  servicePrincipals: { id: string; appId: string; appOwnerOrganizationId: string }[];
  oauth2PermissionGrants: {
    clientId: string;
    resourceId: string;
    consentType: string;
    principalId: string | null;
    scope: string;
  }[];
}

describe("the sign-in leaves its trace", () => {
  it("creates the public client's service principal and an AllPrincipals grant when an admin consents", async () => {
    const before = (await hook(t.sb, "state")) as unknown as State;
    expect(before.servicePrincipals.some((s) => s.appId === GRAPH_CLI_CLIENT_ID)).toBe(false);
    await userToken(t.sb, ADMIN, `${G}/Application.ReadWrite.All ${G}/User.Read`);
    const after = (await hook(t.sb, "state")) as unknown as State;
    const sp = after.servicePrincipals.filter((s) => s.appId === GRAPH_CLI_CLIENT_ID);
    expect(sp).toHaveLength(1);
    const grants = after.oauth2PermissionGrants.filter((g) => g.clientId === sp[0]?.id);
    expect(grants).toEqual([
      expect.objectContaining({ resourceId: GRAPH_SP, consentType: "AllPrincipals", principalId: null }),
    ]);
    expect(grants[0]?.scope.split(" ").sort()).toEqual(["Application.ReadWrite.All", "User.Read"]);
    // A second sign-in asking for more adds to the same grant, not a second one.
    await userToken(t.sb, ADMIN, `${G}/DelegatedPermissionGrant.ReadWrite.All`);
    const again = (await hook(t.sb, "state")) as unknown as State;
    const merged = again.oauth2PermissionGrants.filter((g) => g.clientId === sp[0]?.id);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.scope.split(" ").sort()).toEqual([
      "Application.ReadWrite.All",
      "DelegatedPermissionGrant.ReadWrite.All",
      "User.Read",
    ]);
    expect(again.servicePrincipals.filter((s) => s.appId === GRAPH_CLI_CLIENT_ID)).toHaveLength(1);
  });

  it("later tokens carry what the organization consented, for any user of that client", async () => {
    await userToken(t.sb, ADMIN, `${G}/Application.ReadWrite.All`);
    const user = claims(await userToken(t.sb, USER, `${G}/User.Read`));
    expect(String(user.scp).split(" ").sort()).toEqual(["Application.ReadWrite.All", "User.Read"]);
  });

  it("leaves a Principal grant naming the user when a user consents for themself", async () => {
    const token = claims(await userToken(t.sb, USER, `${G}/User.Read`));
    const state = (await hook(t.sb, "state")) as unknown as State;
    const sp = state.servicePrincipals.find((s) => s.appId === GRAPH_CLI_CLIENT_ID);
    expect(state.oauth2PermissionGrants.filter((g) => g.clientId === sp?.id)).toEqual([
      expect.objectContaining({ consentType: "Principal", principalId: token.oid, scope: "User.Read" }),
    ]);
  });
});
