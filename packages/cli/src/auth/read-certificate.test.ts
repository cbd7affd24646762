import { makeCertificate } from "@boxafe-connect/certs";
import { describe, expect, it } from "vitest";
import { parseCertificatePem } from "./read-certificate.js";

const now = Date.parse("2026-12-01T00:00:00Z");
const make = (days: number) =>
  makeCertificate(globalThis.crypto, { subject: "QNAP Boxafe", days, pfxPassword: "p", now: new Date(now) });

describe("parseCertificatePem", async () => {
  const one = await make(30);
  const other = await make(30);

  it("accepts a certificate with its own private key", () => {
    expect(parseCertificatePem(one.certificatePem + one.privateKeyPem, "app.pem", now)).toEqual({
      kind: "certificate",
      certificatePem: one.certificatePem.trim(),
      privateKeyPem: one.privateKeyPem.trim(),
    });
  });

  it.each([
    ["no PEM at all", "hello", /must hold the certificate/],
    [
      "a broken certificate",
      `-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n${one.privateKeyPem}`,
      /not a valid X.509/,
    ],
    [
      "a broken key",
      `${one.certificatePem}-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n`,
      /not a valid PKCS#8/,
    ],
    ["another certificate's key", one.certificatePem + other.privateKeyPem, /does not belong/],
  ])("refuses %s, naming the field", (_, text, message) => {
    let thrown: unknown;
    try {
      parseCertificatePem(text, "app.pem", now);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: "invalid_input", field: "certificate-file", message });
    // A refused file never echoes the private key.
    expect(String((thrown as Error).message)).not.toContain("PRIVATE KEY-----\nMII");
  });

  it("refuses an expired certificate", () => {
    const later = now + 40 * 86_400_000;
    expect(() => parseCertificatePem(one.certificatePem + one.privateKeyPem, "app.pem", later)).toThrow(
      /expired on/,
    );
  });
});
