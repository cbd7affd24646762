// @vitest-environment node
// WebCrypto of Node: jsdom's own ArrayBuffer is not the one Node's SubtleCrypto accepts.
import { describe, expect, it } from "vitest";
import { pageCertificateMaker, pfxPassword } from "./boxafe-certificate.js";

describe("pfxPassword", () => {
  it("is 20 letters of the unambiguous alphabet and differs each time", () => {
    const a = pfxPassword(globalThis.crypto);
    const b = pfxPassword(globalThis.crypto);
    expect(a).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{20}$/);
    expect(a).not.toBe(b);
  });
});

describe("pageCertificateMaker", () => {
  it("makes a certificate for the subject with a PFX and the password that protects it", async () => {
    const made = await pageCertificateMaker(globalThis.crypto).make({ subject: "QNAP Boxafe", days: 365 });
    expect(made.pfxPassword).toHaveLength(20);
    expect(made.pfx.byteLength).toBeGreaterThan(1000);
    expect(made.certificatePem).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(made.thumbprint).toMatch(/^[0-9A-F]{40}$/);
    expect(made.privateKeyPem).toContain("PRIVATE KEY");
  }, 60_000);
});
