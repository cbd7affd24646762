import { describe, expect, it } from "vitest";
import { msalConfiguration } from "./msal-config.js";

describe("msalConfiguration", () => {
  it("gives the sandbox authority's metadata inline so msal never calls Microsoft", () => {
    const c = msalConfiguration(
      {
        clientId: "web",
        authority: "https://localhost:8444/tenant-1",
        graphBaseUrl: "https://localhost:8444/",
        cloud: "sandbox",
        issuer: "https://localhost:8443/tenant-1/v2.0",
      },
      "https://localhost:8444",
    );
    expect(c.auth.knownAuthorities).toEqual(["localhost:8444"]);
    expect(JSON.parse(c.auth.authorityMetadata ?? "{}")).toMatchObject({
      issuer: "https://localhost:8443/tenant-1/v2.0",
      token_endpoint: "https://localhost:8444/tenant-1/oauth2/v2.0/token",
    });
    expect(JSON.parse(c.auth.cloudDiscoveryMetadata ?? "{}").metadata[0].aliases).toEqual(["localhost:8444"]);
    expect(c.auth.redirectUri).toBe("https://localhost:8444/");
  });

  it("leaves Microsoft's clouds to msal's own discovery", () => {
    const c = msalConfiguration(
      {
        clientId: "web",
        authority: "https://login.microsoftonline.com/organizations",
        graphBaseUrl: "https://graph.microsoft.com/",
        cloud: "global",
      },
      "https://nas.example",
    );
    expect(c.auth.knownAuthorities).toBeUndefined();
    expect(c.auth.authorityMetadata).toBeUndefined();
  });
});
