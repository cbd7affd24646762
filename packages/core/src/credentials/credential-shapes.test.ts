import { describe, expect, it } from "vitest";
import { credentialIn } from "./credential-shapes.js";

describe("credentialIn", () => {
  it("names each kind of credential without echoing it", () => {
    const jwt = "eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2dyYXBoIn0.c2ln";
    expect(credentialIn('{"a":"-----BEGIN PRIVATE KEY-----\\nMIIE"}')).toBe("a private key (PEM)");
    expect(credentialIn("-----BEGIN RSA PRIVATE KEY-----")).toBe("a private key (PEM)");
    expect(credentialIn(`{"name":"${jwt}"}`)).toBe("a token (JWT)");
    expect(credentialIn('{"n":"abc8Q~aBcDeFgHiJkLmNoPqRsTuVwXyZ0123"}')).toBe("a client secret");
    expect(credentialIn('{"handOver":{"secretText": "x"}}')).toBe("a credential field");
  });

  it("passes what a saved state really holds: ids, names, dates, public certificate facts", () => {
    const state = {
      account: {
        username: "admin@contoso.onmicrosoft.com",
        tenantId: "9b1c2d3e-4f50-4a6b-8c7d-0e1f2a3b4c5d",
      },
      handOver: { secret: "new", secretShown: true, secretExpiresOn: "2027-05-26T12:00:00.000Z" },
      sharepoint: { certificate: { thumbprint: "C".repeat(40), notAfter: "2027-11-27T12:00:00.000Z" } },
    };
    expect(credentialIn(JSON.stringify(state))).toBeUndefined();
  });
});
