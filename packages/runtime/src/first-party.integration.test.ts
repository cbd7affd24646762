/**
 * A tenant without the OneNote and Azure AD Graph service principals (older tenants lack them): setup
 * creates them (the engine's create-resource-SP path, POST/PATCH /servicePrincipals by appId), then grants
 * their roles and scopes, and the handed-over secret gets OneNote's role in its token.
 */
import { resources } from "@boxafe-connect/core";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, holdings, runSetup, startHarness } from "./integration/harness.js";
import { createMsalAppTokenPort } from "./msal-token-port.js";

const appIdOf = (key: string) => resources.find((r) => r.key === key)?.appId ?? "";

describe("a tenant missing first-party service principals", () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await startHarness({ absentResources: ["onenote", "aadgraph"] });
    token = await h.signIn(h.sandbox.admin.upn);
  });
  afterAll(async () => h?.stop());

  it("creates OneNote's and Azure AD Graph's service principals, then grants and proves their permissions", async () => {
    const before = await h.state();
    const missing = [appIdOf("onenote"), appIdOf("azure-ad-graph")];
    expect(before.servicePrincipals.filter((s) => missing.includes(s.appId))).toEqual([]);
    const run = await runSetup(h.deps(h.graph(token)));
    const state = await h.state();
    for (const appId of missing)
      expect(state.servicePrincipals.filter((s) => s.appId === appId)).toHaveLength(1);
    const held = holdings(state);
    expect(held.assignments).toContain(`${appIdOf("onenote")} 10af711e-5051-4838-8ae7-9767c43d8a9c`);
    expect(held.grants).toContain(`${appIdOf("azure-ad-graph")} AllPrincipals User.Read`);
    // The handed-over secret's OneNote token carries the role once secret and role have propagated.
    const port = createMsalAppTokenPort({ authorityHost: h.sandbox.url });
    let roles: unknown[] = [];
    for (let i = 0; i < 100 && !roles.includes("Notes.ReadWrite.All"); i++) {
      const jwt = await port
        .acquire({
          tenantId: h.sandbox.tenantId,
          clientId: run.result.application.appId,
          credential: { kind: "secret", secret: run.result.secret?.secretText ?? "" },
          resource: "https://onenote.com",
        })
        .catch(() => undefined);
      roles = jwt === undefined ? [] : ((decodeJwt(jwt).roles as unknown[] | undefined) ?? []);
      if (!roles.includes("Notes.ReadWrite.All")) await new Promise((r) => setTimeout(r, 100));
    }
    expect(roles).toContain("Notes.ReadWrite.All");
    // A re-run finds them and creates nothing more.
    await runSetup(h.deps(h.graph(token)));
    const again = await h.state();
    for (const appId of missing)
      expect(again.servicePrincipals.filter((s) => s.appId === appId)).toHaveLength(1);
  });
});
