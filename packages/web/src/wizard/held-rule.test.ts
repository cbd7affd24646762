import { describe, expect, it } from "vitest";
import { holdsCredential } from "./held-rule.js";

describe("holdsCredential", () => {
  it("counts copying the secret itself, not the client or tenant ID, and nothing without a secret", () => {
    expect(holdsCredential({ kind: "copy", text: "s3cret~value" }, "s3cret~value")).toBe(true);
    expect(holdsCredential({ kind: "copy", text: "client-id" }, "s3cret~value")).toBe(false);
    expect(holdsCredential({ kind: "copy", text: "client-id" }, undefined)).toBe(false);
  });

  it("counts a download only of a file with the private key: PEM or PFX, not the CER", () => {
    expect(holdsCredential({ kind: "download", file: "pem" }, undefined)).toBe(true);
    expect(holdsCredential({ kind: "download", file: "pfx" }, undefined)).toBe(true);
    expect(holdsCredential({ kind: "download", file: "cer" }, undefined)).toBe(false);
  });

  it("counts the admin saying it is saved", () => {
    expect(holdsCredential({ kind: "confirm" }, undefined)).toBe(true);
  });
});
