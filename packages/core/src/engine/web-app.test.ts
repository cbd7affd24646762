import { describe, expect, it } from "vitest";
import { fakeTime, scriptedGraph } from "../testing/index.js";
import { checkRedirectUris, registerWebApp } from "./web-app.js";

describe("registerWebApp", () => {
  it("upserts one SPA registration with the redirect URIs and the delegated Graph scopes", async () => {
    const graph = scriptedGraph(() => ({ status: 201, body: { id: "obj-1", appId: "app-1" } }));
    const time = fakeTime();
    const result = await registerWebApp(
      { graph, clock: time.clock, sleep: time.sleep, random: time.random },
      { displayName: "Boxafe Connect Web", redirectUris: ["https://nas.example.com/connect/"] },
    );
    expect(result).toMatchObject({
      id: "obj-1",
      appId: "app-1",
      uniqueName: "boxafe-connect-boxafe-connect-web",
    });
    const [request] = graph.batches[0] ?? [];
    expect(request).toMatchObject({
      method: "PATCH",
      url: "/applications(uniqueName='boxafe-connect-boxafe-connect-web')",
      headers: { Prefer: "create-if-missing" },
      body: { spa: { redirectUris: ["https://nas.example.com/connect/"] }, signInAudience: "AzureADMyOrg" },
    });
  });

  it("reads the ids back when the app already existed (204)", async () => {
    const graph = scriptedGraph((request) =>
      request.method === "PATCH" ? { status: 204 } : { status: 200, body: { id: "obj-2", appId: "app-2" } },
    );
    const time = fakeTime();
    const result = await registerWebApp(
      { graph, clock: time.clock, sleep: time.sleep, random: time.random },
      { displayName: "Web", redirectUris: ["http://localhost:5173/"] },
    );
    expect(result.appId).toBe("app-2");
  });

  it("refuses plain http outside localhost", () => {
    expect(() => checkRedirectUris(["http://nas.example.com/"])).toThrow("must use https://");
    expect(() => checkRedirectUris([])).toThrow("at least one redirect URI");
  });
});
