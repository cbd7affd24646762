import { describe, expect, it } from "vitest";
import { resources } from "../catalog/resources.js";
import { fakeTime, graphError, scriptedGraph } from "../testing/index.js";
import { observe, observeAlong } from "./observe.js";

const notFound = graphError(404, "Request_ResourceNotFound", "Resource does not exist.");

function tenant(appExists: boolean) {
  return scriptedGraph((r) => {
    if (r.url.startsWith("/organization")) {
      return {
        status: 200,
        body: {
          value: [
            {
              id: "tid",
              displayName: "Contoso",
              verifiedDomains: [
                { name: "contoso.com", isInitial: false },
                { name: "contoso.onmicrosoft.com", isInitial: true },
              ],
            },
          ],
        },
      };
    }
    if (r.url.startsWith("/applications(")) {
      return appExists
        ? {
            status: 200,
            body: {
              id: "app-obj",
              appId: "app-id",
              displayName: "QNAP Boxafe",
              requiredResourceAccess: [{ resourceAppId: "x", resourceAccess: [{ id: "r", type: "Role" }] }],
              passwordCredentials: [],
              keyCredentials: [],
            },
          }
        : notFound;
    }
    if (r.url.includes("appId='app-id'")) {
      if (r.url.includes("/appRoleAssignments"))
        return {
          status: 200,
          body: { value: [{ id: "as1", principalId: "sp", resourceId: "res", appRoleId: "r" }] },
        };
      if (r.url.includes("/oauth2PermissionGrants"))
        return {
          status: 200,
          body: {
            value: [
              { id: "g1", clientId: "sp", resourceId: "res", consentType: "AllPrincipals", scope: "openid" },
            ],
          },
        };
      return { status: 200, body: { id: "sp", appId: "app-id" } };
    }
    if (r.url.startsWith("/servicePrincipals(appId=")) {
      if (r.url.includes("2d4d3d8e")) return notFound; // OneNote not instantiated in this tenant
      return {
        status: 200,
        body: {
          id: `sp-${r.url.slice(26, 34)}`,
          appId: "a",
          appRoles: [{ id: "r1", value: "Mail.Read" }],
          oauth2PermissionScopes: [{ id: "s1", value: "User.Read" }],
        },
      };
    }
    return { status: 500 };
  });
}

describe("observe", () => {
  it("reads a tenant without our app in one $batch", async () => {
    const graph = tenant(false);
    const observed = await observe({ ...fakeTime(), graph }, { uniqueName: "qnap-boxafe" });
    expect(graph.batches).toHaveLength(1);
    expect(graph.batches[0]).toHaveLength(resources.length + 2);
    expect(observed.application).toBeUndefined();
    expect(observed.organization).toEqual({
      id: "tid",
      displayName: "Contoso",
      initialDomain: "contoso.onmicrosoft.com",
    });
    expect(Object.keys(observed.resources).sort()).toEqual([
      "azure-ad-graph",
      "exchange-online",
      "microsoft-graph",
      "sharepoint",
    ]);
    expect(observed.resources["microsoft-graph"]).toMatchObject({
      appRoles: [{ id: "r1", value: "Mail.Read" }],
      scopes: [{ id: "s1", value: "User.Read" }],
    });
  });

  it("needs a second batch for our SP and consents when keyed by uniqueName", async () => {
    const graph = tenant(true);
    const observed = await observe({ ...fakeTime(), graph }, { uniqueName: "qnap-boxafe" });
    expect(graph.batches).toHaveLength(2);
    expect(observed).toMatchObject({
      servicePrincipal: { id: "sp" },
      assignments: [{ id: "as1" }],
      grants: [{ id: "g1", scope: "openid" }],
    });
  });

  it("reads everything in one batch when adopting by appId", async () => {
    const graph = tenant(true);
    const observed = await observe({ ...fakeTime(), graph }, { appId: "app-id" });
    expect(graph.batches).toHaveLength(1);
    expect(observed.assignments).toHaveLength(1);
  });

  it("carries other independent reads in its first $batch; their refusals are theirs, not observe's", async () => {
    const time = fakeTime();
    const inner = tenant(false);
    const graph = {
      batches: inner.batches,
      batch: (requests: Parameters<typeof inner.batch>[0]) =>
        requests.some((r) => r.url.startsWith("/policies"))
          ? inner.batch(requests).then((answers) =>
              answers.map((a) =>
                a.id === "policy"
                  ? {
                      id: a.id,
                      status: 403,
                      headers: {},
                      body: { error: { code: "Authorization_RequestDenied", message: "no" } },
                    }
                  : a,
              ),
            )
          : inner.batch(requests),
    };
    const read = await observeAlong({ ...time, graph }, { uniqueName: "qnap-boxafe" }, [
      { id: "policy", method: "GET", url: "/policies/authorizationPolicy" },
    ]);
    expect(inner.batches).toHaveLength(1);
    expect(inner.batches[0]?.map((r) => r.id)).toContain("policy");
    expect(read.observed.organization.id).toBe("tid");
    expect(read.alongside.get("policy")?.kind).toBe("failed");
  });
});
