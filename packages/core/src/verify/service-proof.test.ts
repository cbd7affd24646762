import { describe, expect, it } from "vitest";
import { serviceProofOf } from "./service-proof.js";

const certificate = {
  kind: "certificate" as const,
  certificatePem: "-----BEGIN CERTIFICATE-----",
  privateKeyPem: "-----BEGIN PRIVATE KEY-----",
};

describe("serviceProofOf", () => {
  it("sends a secret to the token service when there is one", () => {
    expect(serviceProofOf({ kind: "secret", secret: "s3cr3t" }, true)).toEqual({
      run: "token-service",
      secret: "s3cr3t",
    });
  });

  it("runs no token proof without a service, for a certificate, or with no credential here, and says why", () => {
    expect(serviceProofOf({ kind: "secret", secret: "s3cr3t" }, false)).toEqual({
      run: "none",
      reason: "no-token-service",
      holds: "secret",
    });
    expect(serviceProofOf(certificate, true)).toEqual({
      run: "none",
      reason: "no-token-service",
      holds: "certificate",
    });
    expect(serviceProofOf(undefined, true)).toEqual({
      run: "none",
      reason: "secret-held-elsewhere",
      holds: "nothing",
    });
  });
});
