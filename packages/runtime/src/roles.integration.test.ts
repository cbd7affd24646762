/**
 * The role check happens before any write: a user without a role and an Application Administrator
 * get insufficient_role naming the roles needed, and the tenant is unchanged. An expired token gets
 * token_expired. Graph's own 403 maps to access_denied when a caller skips the check.
 */
import { apply, observe, requireAdmin } from "@boxafe-connect/core";
import { GRAPH_CLI_CLIENT_ID } from "@boxafe-connect/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boxafeDesired, type Harness, runSetup, startHarness } from "./integration/harness.js";

describe("who may run the setup", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.stop());

  it.each([
    ["user@contoso.onmicrosoft.com", "no directory role"],
    ["appadmin@contoso.onmicrosoft.com", "10 Microsoft Graph application permissions"],
  ])("%s is stopped before any write (%s)", async (upn, reason) => {
    await h.reset();
    const before = await h.state();
    await h.resetStats();
    const token = await h.signIn(upn);
    const error = (() => {
      try {
        requireAdmin(token);
        return undefined;
      } catch (e) {
        return e as Error & { code: string };
      }
    })();
    expect(error?.code).toBe("insufficient_role");
    expect(error?.message).toContain(reason);
    expect(error?.message).toContain("Global Administrator or Privileged Role Administrator");
    expect((await h.stats()).writes).toBe(0);
    // Only the sign-in's own trace (the public client's service principal and the consent grant, as Entra
    // leaves them): nothing the engine wrote.
    const after = await h.state();
    const client = after.servicePrincipals.filter(
      (sp) => !before.servicePrincipals.some((b) => b.id === sp.id),
    );
    expect(client.map((sp) => sp.appId)).toEqual([GRAPH_CLI_CLIENT_ID]);
    expect(after.applications).toEqual(before.applications);
    expect(after.appRoleAssignments).toEqual(before.appRoleAssignments);
    expect(after.oauth2PermissionGrants.filter((g) => g.clientId !== client[0]?.id)).toEqual(
      before.oauth2PermissionGrants,
    );
  });

  it("an account without a role that skips the check gets access_denied from Graph, naming the roles", async () => {
    await h.reset();
    const token = await h.signIn("user@contoso.onmicrosoft.com");
    const error = await runSetup(h.deps(h.graph(token))).catch((e: unknown) => e as Error & { code: string });
    expect(error).toMatchObject({ code: "access_denied" });
    expect((error as Error).message).toContain("Global Administrator or Privileged Role Administrator");
    expect((await h.state()).applications).toEqual([]);
  });

  it("a Global Administrator and a Privileged Role Administrator pass the check", async () => {
    expect(requireAdmin(await h.signIn("admin@contoso.onmicrosoft.com")).roles).toEqual([
      "Global Administrator",
    ]);
    expect(requireAdmin(await h.signIn("pra@contoso.onmicrosoft.com")).roles).toEqual([
      "Privileged Role Administrator",
    ]);
  });

  it("an expired token gets token_expired and changes nothing", async () => {
    await h.reset();
    await h.faults("tokenLifetime=1");
    const token = await h.signIn(h.sandbox.admin.upn);
    await h.faults("");
    await new Promise((r) => setTimeout(r, 2_100));
    const deps = h.deps(h.graph(token));
    const error = await observe(deps, boxafeDesired(Date.now()).appKey).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "token_expired" });
    expect((error as Error).message).toMatch(/sign in again/i);
    const writeError = await apply(
      deps,
      { actions: [{ type: "upsert-service-principal" }], findings: [] },
      {
        resources: {},
        application: {
          id: "x",
          appId: "y",
          uniqueName: null,
          displayName: "d",
          signInAudience: "AzureADMyOrg",
          requiredResourceAccess: [],
          passwordCredentials: [],
          keyCredentials: [],
        },
        servicePrincipal: undefined,
        assignments: [],
        grants: [],
      },
    ).catch((e: unknown) => e);
    expect(writeError).toMatchObject({ code: "token_expired" });
    expect((await h.state()).servicePrincipals.some((sp) => sp.appId === "y")).toBe(false);
  });
});
