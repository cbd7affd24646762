import { cloudEndpoints } from "@boxafe-connect/core";
import { describe, expect, it } from "vitest";
import { msalAuthority } from "./msal-authority.js";

describe("msalAuthority", () => {
  it("gives msal the metadata inline so it never calls instance discovery", () => {
    const config = msalAuthority("https://localhost:8443", "tid");
    expect(config.authority).toBe("https://localhost:8443/tid");
    expect(config.knownAuthorities).toEqual(["localhost:8443"]);
    expect(JSON.parse(config.authorityMetadata)).toMatchObject({
      token_endpoint: "https://localhost:8443/tid/oauth2/v2.0/token",
      device_authorization_endpoint: "https://localhost:8443/tid/oauth2/v2.0/devicecode",
    });
    expect(JSON.parse(config.cloudDiscoveryMetadata).metadata[0].aliases).toEqual(["localhost:8443"]);
  });

  it("accepts a cloud", () => {
    expect(msalAuthority(cloudEndpoints("usgov"), "contoso.onmicrosoft.us").authority).toBe(
      "https://login.microsoftonline.us/contoso.onmicrosoft.us",
    );
  });
});
