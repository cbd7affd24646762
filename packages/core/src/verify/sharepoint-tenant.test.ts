import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { sandboxEndpoints } from "../clouds.js";
import { boxafeProfile } from "../profiles/boxafe.js";
import { resolveProfile } from "../profiles/resolve-profile.js";
import { fakeAppTokens, fakeTime, graphError, type Handler, scriptedGraph } from "../testing/index.js";
import { verify } from "./verify.js";

const permissions = resolveProfile(boxafeProfile);
const rolesOf = (resource: string) =>
  permissions.filter((p) => p.resource === resource && p.kind === "application").map((p) => p.value);
const byAudience: Record<string, readonly string[]> = {
  "https://graph.microsoft.com": rolesOf("microsoft-graph"),
  "https://outlook.office365.com": rolesOf("exchange-online"),
  "https://fabrikam.sharepoint.com": rolesOf("sharepoint"),
};
const input = {
  tenantId: "7c2b6f0e-5c4e-4a8e-9d1a-2f3b4c5d6e7f",
  clientId: "c",
  credential: { kind: "secret" as const, secret: "x" },
  permissions,
  cloud: sandboxEndpoints("https://localhost:8443"),
};
const organization: Handler = () => ({
  status: 200,
  body: {
    value: [
      {
        verifiedDomains: [
          { name: "fabrikam.com", isInitial: false },
          { name: "fabrikam.onmicrosoft.com", isInitial: true },
        ],
      },
    ],
  },
});

/** The app's own Graph port: records which token it was built for and what it was asked. */
function appGraphWith(handler: Handler) {
  const graph = scriptedGraph(handler);
  const tokens: string[] = [];
  return {
    graph,
    tokens,
    appGraph: (accessToken: string) => {
      tokens.push(accessToken);
      return graph;
    },
  };
}

const sharePointItems = (report: Awaited<ReturnType<typeof verify>>) =>
  report.items.filter((i) => i.resource === "sharepoint" && i.kind === "application");

describe("verify without a SharePoint tenant name", () => {
  it("reads the initial domain with the app's own Graph token and proves SharePoint", async () => {
    const appToken = fakeAppTokens((audience) => byAudience[audience] ?? []);
    const port = appGraphWith(organization);
    const report = await verify({ ...fakeTime(), appToken, appGraph: port.appGraph }, input);
    expect(port.graph.batches.flat().map((r) => `${r.method} ${r.url}`)).toEqual([
      "GET /organization?$select=verifiedDomains",
    ]);
    expect(port.tokens.map((t) => decodeJwt(t).aud)).toEqual(["https://graph.microsoft.com"]);
    expect(appToken.requests.map((r) => r.resource)).toContain("https://fabrikam.sharepoint.com");
    expect(sharePointItems(report).length).toBeGreaterThan(0);
    expect(sharePointItems(report).every((i) => i.status === "granted")).toBe(true);
    expect(report.tokens.map((t) => t.audience)).toContain("https://fabrikam.sharepoint.com");
    expect(report.complete).toBe(true);
  });

  it("stays unverifiable, saying to pass --sharepoint-tenant, when the read is denied", async () => {
    const appToken = fakeAppTokens((audience) => byAudience[audience] ?? []);
    const port = appGraphWith(() =>
      graphError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation."),
    );
    const report = await verify({ ...fakeTime(), appToken, appGraph: port.appGraph }, input);
    expect(appToken.requests.some((r) => r.resource.includes("sharepoint"))).toBe(false);
    const items = sharePointItems(report);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.status).toBe("unverifiable");
      expect(item.detail).toContain("Pass --sharepoint-tenant NAME");
      expect(item.detail).toContain("(Graph answered 403 Authorization_RequestDenied)");
    }
  });

  it("stays unverifiable without a way to read Graph, and never reads it when the name is given", async () => {
    const appToken = fakeAppTokens((audience) => byAudience[audience] ?? []);
    const bare = await verify({ ...fakeTime(), appToken }, input);
    expect(sharePointItems(bare).map((i) => i.detail)).toContain(
      "The SharePoint tenant name is unknown. Pass --sharepoint-tenant NAME (e.g. contoso for contoso.sharepoint.com) to prove SharePoint access.",
    );
    const port = appGraphWith(organization);
    const named = await verify(
      { ...fakeTime(), appToken, appGraph: port.appGraph },
      { ...input, sharePointTenant: "fabrikam" },
    );
    expect(port.tokens).toHaveLength(0);
    expect(sharePointItems(named).every((i) => i.status === "granted")).toBe(true);
  });
});
