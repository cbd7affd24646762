import { describe, expect, it } from "vitest";
import { CoreError } from "../errors.js";
import type { KeyCredential } from "../tenant/model.js";
import { chooseCertificate, replacementOf } from "./choose-certificate.js";
import type { MadeCertificate } from "./ports.js";

const key = (letter: string, end: string, keyId = `${letter}-id`): KeyCredential => ({
  keyId,
  displayName: "CN=Boxafe",
  type: "AsymmetricX509Cert",
  usage: "Verify",
  startDateTime: "2026-11-01T00:00:00.000Z",
  endDateTime: end,
  customKeyIdentifier: letter.repeat(40),
});

const held = (heldFrom?: MadeCertificate["heldFrom"]): MadeCertificate => ({
  derBase64: "MIIA",
  thumbprint: "A".repeat(40),
  notAfter: "2027-11-01T00:00:00.000Z",
  certificatePem: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
  privateKeyPem: "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----",
  ...(heldFrom ? { heldFrom } : {}),
});

const found = { kind: "found", file: "d0/boxafe-1234abcd.pem" } as const;
const retiredApp = {
  displayName: "Boxafe",
  keyCredentials: [key("B", "2027-12-01T00:00:00.000Z")],
  tags: [],
};

describe("a certificate found in a folder that the app has moved on from", () => {
  it("is replaced when it is gone from the app and a newer one of ours is there", () => {
    expect(replacementOf(held(found), retiredApp)?.customKeyIdentifier).toBe("B".repeat(40));
  });

  it("is replaced by one ending in the same second (rotated within a second of the setup)", () => {
    const sameSecond = { ...retiredApp, keyCredentials: [key("B", "2027-11-01T00:00:00Z")] };
    expect(replacementOf(held(found), sameSecond)?.customKeyIdentifier).toBe("B".repeat(40));
  });

  it("is not replaced when it ends later than every one of ours on the app (a run killed before its add)", () => {
    const earlier = { ...retiredApp, keyCredentials: [key("B", "2027-10-31T23:59:59Z")] };
    expect(replacementOf(held(found), earlier)).toBeUndefined();
  });

  it("is still usable while it is on the app (rotate done, retire not yet)", () => {
    const both = {
      ...retiredApp,
      keyCredentials: [key("A", "2027-11-01T00:00:00.000Z"), ...retiredApp.keyCredentials],
    };
    expect(replacementOf(held(found), both)).toBeUndefined();
  });

  it("is not replaced by a newer one never handed over (pending mark): setup's drift repair owns that", () => {
    const pending = { ...retiredApp, tags: ["boxafe-connect:pending:B-id"] };
    expect(replacementOf(held(found), pending)).toBeUndefined();
  });

  it("is not replaced by someone else's certificate or an older one", () => {
    const foreign = {
      ...retiredApp,
      keyCredentials: [{ ...key("B", "2027-12-01T00:00:00.000Z"), displayName: "CN=other" }],
    };
    expect(replacementOf(held(found), foreign)).toBeUndefined();
    const older = { ...retiredApp, keyCredentials: [key("B", "2027-10-01T00:00:00.000Z")] };
    expect(replacementOf(held(found), older)).toBeUndefined();
  });

  it("an admin's explicit --certificate-file is never judged so: it is added if absent, by design", () => {
    expect(replacementOf(held(), retiredApp)).toBeUndefined();
    expect(replacementOf(held({ kind: "given", file: "mine.pem" }), retiredApp)).toBeUndefined();
  });

  it("chooseCertificate refuses it, names the file and the current thumbprint, and makes nothing", async () => {
    let made = 0;
    const certificates = {
      make: async () => {
        made += 1;
        return held();
      },
      held: async () => held(found),
    };
    const error = await chooseCertificate({ certificates }, "Boxafe", 365, "app", () => {}, retiredApp).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CoreError);
    expect(error).toMatchObject({ code: "unsafe_operation", field: "certificate" });
    expect(String((error as Error).message)).toContain("d0/boxafe-1234abcd.pem");
    expect(String((error as Error).message)).toContain("B".repeat(40));
    expect(made).toBe(0);
  });
});
