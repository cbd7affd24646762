import { decodeProtectedHeader, importX509, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { signClientAssertion } from "./client-assertion.js";
import { makeCertificate } from "./make-certificate.js";

describe("signClientAssertion", () => {
  it("signs Entra's format with the certificate's key: RS256, both thumbprints, at most 10 minutes", async () => {
    const cert = await makeCertificate(globalThis.crypto, { subject: "T", days: 2, pfxPassword: "p" });
    const now = Math.floor(Date.now() / 1000);
    const request = {
      privateKeyPem: cert.privateKeyPem,
      derBase64: cert.derBase64,
      clientId: "a1b2c3d4-0000-4000-8000-000000000001",
      audience: "https://login.microsoftonline.com/t/oauth2/v2.0/token",
      nowSeconds: now,
      lifetimeSeconds: 3600,
    };
    const [one, two] = await Promise.all([
      signClientAssertion(globalThis.crypto, request),
      signClientAssertion(globalThis.crypto, request),
    ]);
    const header = decodeProtectedHeader(one);
    expect(header).toMatchObject({ alg: "RS256", typ: "JWT", "x5t#S256": cert.x5tS256 });
    expect(typeof header.x5t).toBe("string");
    const { payload } = await jwtVerify(one, await importX509(cert.certificatePem, "RS256"), {
      audience: request.audience,
      issuer: request.clientId,
      subject: request.clientId,
    });
    expect(payload.exp).toBe(now + 600);
    expect(payload.nbf).toBe(now);
    const second = await jwtVerify(two, await importX509(cert.certificatePem, "RS256"));
    expect(second.payload.jti).not.toBe(payload.jti);
  });
});
