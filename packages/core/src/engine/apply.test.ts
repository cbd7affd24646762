import { describe, expect, it } from "vitest";
import type { GraphRequest } from "../graph/port.js";
import type { Action, ObservedTenant, Plan } from "../tenant/model.js";
import { fakeTime, graphError, type Reply, scriptedGraph } from "../testing/index.js";
import { apply } from "./apply.js";

const resources: ObservedTenant["resources"] = {
  "microsoft-graph": {
    key: "microsoft-graph",
    id: "res-graph",
    appId: "00000003-0000-0000-c000-000000000000",
    appRoles: [],
    scopes: [],
  },
  "exchange-online": {
    key: "exchange-online",
    id: "res-exo",
    appId: "00000002-0000-0ff1-ce00-000000000000",
    appRoles: [],
    scopes: [],
  },
};
const empty: ObservedTenant = {
  resources,
  application: undefined,
  servicePrincipal: undefined,
  assignments: [],
  grants: [],
};

function freshPlan(roles = 20): Plan {
  const actions: Action[] = [
    {
      type: "upsert-application",
      appKey: { uniqueName: "qnap-boxafe" },
      displayName: "QNAP Boxafe",
      requiredResourceAccess: [],
    },
    { type: "upsert-service-principal" },
    { type: "add-password", displayName: "boxafe-connect secret", endDateTime: "2027-05-26T12:00:00.000Z" },
    ...Array.from(
      { length: roles },
      (_, i): Action => ({
        type: "assign-app-role",
        resource: "microsoft-graph",
        value: `R${i}`,
        appRoleId: `role-${i}`,
      }),
    ),
    { type: "create-grant", resource: "microsoft-graph", scope: "openid User.Read" },
    { type: "create-grant", resource: "exchange-online", scope: "EWS.AccessAsUser.All" },
  ];
  return { actions, findings: [] };
}

/** A tiny tenant that answers the engine's writes like Graph does. */
function tenantHandler(
  overrides: (r: GraphRequest, call: number) => Reply | "drop" | "lose-batch" | undefined = () => undefined,
) {
  const passwords: { keyId: string; displayName: string }[] = [];
  let keys = 0;
  const handler = (r: GraphRequest, call: number): Reply | "drop" | "lose-batch" => {
    const o = overrides(r, call);
    if (o !== undefined) {
      // A lost response still commits the write.
      if (o === "lose-batch" || o === "drop") commit(r);
      return o;
    }
    return commit(r);
  };
  const commit = (r: GraphRequest): Reply => {
    if (r.url.startsWith("/applications(uniqueName="))
      return { status: 201, body: { id: "app-obj", appId: "app-id" } };
    if (r.url.startsWith("/servicePrincipals(appId="))
      return { status: 201, body: { id: "sp-obj", appId: "app-id" } };
    if (r.url.endsWith("/addPassword")) {
      const body = r.body as { passwordCredential: { displayName: string } };
      const keyId = `key-${++keys}`;
      passwords.push({ keyId, displayName: body.passwordCredential.displayName });
      return {
        status: 200,
        body: { keyId, secretText: `s3cret-${keys}`, endDateTime: "2027-05-26T12:00:00Z" },
      };
    }
    if (r.url.endsWith("/removePassword")) {
      const { keyId } = r.body as { keyId: string };
      const i = passwords.findIndex((p) => p.keyId === keyId);
      if (i >= 0) passwords.splice(i, 1);
      return { status: 204 };
    }
    if (r.method === "GET" && r.url.includes("passwordCredentials"))
      return { status: 200, body: { id: "app-obj", passwordCredentials: passwords } };
    return { status: 201, body: {} };
  };
  return { handler, passwords };
}

describe("apply", () => {
  it("applies a fresh plan in 3 round trips and 4 requests", async () => {
    const t = tenantHandler();
    const graph = scriptedGraph(t.handler);
    const result = await apply({ ...fakeTime(), graph }, freshPlan(), empty);
    expect(result).toMatchObject({
      application: { id: "app-obj", appId: "app-id" },
      servicePrincipalId: "sp-obj",
      requests: 4,
      roundTrips: 3,
    });
    expect(result.secret?.secretText).toBe("s3cret-1");
    expect(graph.batches.map((b) => b.length)).toEqual([1, 3, 20, 2]);
    const [wave1, wave2, wave3] = graph.batches;
    expect(wave1?.[0]).toMatchObject({
      method: "PATCH",
      url: "/applications(uniqueName='qnap-boxafe')",
      headers: { Prefer: "create-if-missing" },
    });
    // The upsert writes no tags (PATCH replaces them whole); the new app's mark goes first in wave 2.
    expect(wave1?.[0]?.body).not.toHaveProperty("tags");
    expect(wave2?.map((r) => r.url)).toEqual([
      "/applications/app-obj",
      "/applications/app-obj/addPassword",
      "/servicePrincipals(appId='app-id')",
    ]);
    expect(wave2?.[0]?.body).toEqual({ tags: [expect.stringMatching(/^boxafe-connect:pending:/)] });
    expect(wave2?.[1]?.dependsOn).toEqual(["pending"]);
    expect(wave3?.[0]).toMatchObject({
      url: "/servicePrincipals/sp-obj/appRoleAssignments",
      body: { principalId: "sp-obj", resourceId: "res-graph", appRoleId: "role-0" },
    });
    expect(t.passwords).toHaveLength(1);
  });

  it("marks the secret name with the plan's name plus a run id", async () => {
    const t = tenantHandler();
    await apply({ ...fakeTime(), graph: scriptedGraph(t.handler) }, freshPlan(), empty);
    expect(t.passwords[0]?.displayName).toMatch(/^boxafe-connect secret [0-9a-z]+-0$/);
  });

  it("removes the orphan of a lost addPassword before adding again: one secret, and it is the one returned", async () => {
    const t = tenantHandler((r, call) =>
      r.url.endsWith("/addPassword") && call === 1 ? "lose-batch" : undefined,
    );
    const graph = scriptedGraph(t.handler);
    const result = await apply({ ...fakeTime(), graph }, freshPlan(), empty);
    expect(t.passwords).toHaveLength(1);
    expect(t.passwords[0]?.keyId).toBe(result.secret?.keyId);
    expect(result.secret?.secretText).toBe("s3cret-2");
  });

  it("re-reads and widens a grant that already exists", async () => {
    const t = tenantHandler((r) => {
      if (r.url === "/oauth2PermissionGrants" && r.method === "POST") {
        return graphError(409, "Request_MultipleObjectsWithSameKeyValue", "Permission entry already exists.");
      }
      if (r.url.startsWith("/oauth2PermissionGrants?$filter=")) {
        return {
          status: 200,
          body: {
            value: [
              {
                id: "g1",
                clientId: "sp-obj",
                resourceId: "res-graph",
                consentType: "AllPrincipals",
                scope: "openid",
              },
              {
                id: "g2",
                clientId: "sp-obj",
                resourceId: "res-exo",
                consentType: "AllPrincipals",
                scope: "EWS.AccessAsUser.All",
              },
            ],
          },
        };
      }
      return undefined;
    });
    const graph = scriptedGraph(t.handler);
    await apply({ ...fakeTime(), graph }, freshPlan(2), empty);
    const patches = graph.batches
      .flat()
      .filter((r) => r.method === "PATCH" && r.url.startsWith("/oauth2PermissionGrants/"));
    expect(patches).toEqual([
      expect.objectContaining({ url: "/oauth2PermissionGrants/g1", body: { scope: "openid User.Read" } }),
    ]);
  });

  it("re-sends idempotent writes whose batch was lost and converges", async () => {
    const t = tenantHandler((r, call) =>
      r.url.endsWith("/appRoleAssignments") && call === 1 ? "lose-batch" : undefined,
    );
    const graph = scriptedGraph(t.handler);
    const result = await apply({ ...fakeTime(), graph }, freshPlan(), empty);
    expect(result.requests).toBeGreaterThan(4);
    expect(t.passwords).toHaveLength(1);
  });

  it("writes nothing for an empty plan", async () => {
    const graph = scriptedGraph(() => ({ status: 500 }));
    const observed: ObservedTenant = {
      ...empty,
      application: {
        id: "a",
        appId: "b",
        uniqueName: "u",
        displayName: "d",
        signInAudience: "AzureADMyOrg",
        requiredResourceAccess: [],
        passwordCredentials: [],
        keyCredentials: [],
      },
      servicePrincipal: { id: "sp", appId: "b" },
    };
    const result = await apply({ ...fakeTime(), graph }, { actions: [], findings: [] }, observed);
    expect(result).toMatchObject({ requests: 0, roundTrips: 0, servicePrincipalId: "sp" });
  });
});

describe("apply failing after the secret was added", () => {
  it("withdraws the secret whose text the caller will never see", async () => {
    const t = tenantHandler((r) =>
      r.url.endsWith("/appRoleAssignments")
        ? graphError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.")
        : undefined,
    );
    const error = await apply({ ...fakeTime(), graph: scriptedGraph(t.handler) }, freshPlan(), empty).catch(
      (e) => e,
    );
    expect(error).toMatchObject({ code: "access_denied" });
    expect(t.passwords).toEqual([]);
  });
});

describe("apply failing beside a successful addPassword", () => {
  it("withdraws the secret added in the same batch", async () => {
    const t = tenantHandler((r) =>
      r.method === "PATCH" && r.url.startsWith("/servicePrincipals(")
        ? graphError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.")
        : undefined,
    );
    const error = await apply({ ...fakeTime(), graph: scriptedGraph(t.handler) }, freshPlan(), empty).catch(
      (e) => e,
    );
    expect(error).toMatchObject({ code: "access_denied" });
    expect(t.passwords).toEqual([]);
  });
});

describe("apply failing while recovering a lost secret", () => {
  it("removes the orphan on its own clean-up budget", async () => {
    const t = tenantHandler((r, call) => {
      if (r.url.endsWith("/addPassword") && call === 1) return "lose-batch";
      if (r.method === "GET" && r.url.includes("passwordCredentials") && call === 1) {
        return graphError(
          403,
          "Authorization_RequestDenied",
          "Insufficient privileges to complete the operation.",
        );
      }
      return undefined;
    });
    const error = await apply({ ...fakeTime(), graph: scriptedGraph(t.handler) }, freshPlan(), empty).catch(
      (e) => e,
    );
    expect(error).toMatchObject({ code: "access_denied" });
    expect(t.passwords).toEqual([]);
  });
});
