import { describe, expect, it } from "vitest";
import { pendingTag } from "./hand-over-marker.js";
import { unheldCertificates } from "./unheld-certificates.js";

const key = (keyId: string, thumbprint: string) => ({
  keyId,
  displayName: "boxafe-connect certificate",
  type: "AsymmetricX509Cert",
  usage: "Verify",
  startDateTime: "2026-12-02T00:00:00Z",
  endDateTime: "2027-12-02T00:00:00Z",
  customKeyIdentifier: thumbprint,
});

describe("unheldCertificates", () => {
  const app = {
    keyCredentials: [key("k1", "AA11"), key("k2", "BB22"), key("k3", "CC33")],
    tags: ["other", pendingTag("k1"), pendingTag("k2")],
  };

  it("lists the certificates still marked pending, not the handed-over ones", () => {
    expect(unheldCertificates(app).map((c) => c.keyId)).toEqual(["k1", "k2"]);
    expect(unheldCertificates(app)[0]).toEqual({
      keyId: "k1",
      thumbprint: "AA11",
      startDateTime: "2026-12-02T00:00:00Z",
      endDateTime: "2027-12-02T00:00:00Z",
    });
  });

  it("leaves out a key the caller still holds in memory (not lost, only not handed over yet)", () => {
    expect(unheldCertificates(app, ["bb22"]).map((c) => c.keyId)).toEqual(["k1"]);
  });

  it("is empty with no app or no marks", () => {
    expect(unheldCertificates(undefined)).toEqual([]);
    expect(unheldCertificates({ keyCredentials: app.keyCredentials })).toEqual([]);
  });
});
