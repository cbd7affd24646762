import { describe, expect, it } from "vitest";
import { makeCertificate } from "./make-certificate.js";
import { pfxFromPem } from "./pfx-from-pem.js";
import { PfxError, readPfx } from "./read-pfx.js";

describe("pfxFromPem", () => {
  it("re-issues a PFX from the PEM that opens with the new password only", async () => {
    const made = await makeCertificate(globalThis.crypto, {
      subject: "QNAP Boxafe",
      days: 30,
      pfxPassword: "lost",
    });
    const pfx = await pfxFromPem(globalThis.crypto, made, "n3w-password");
    const opened = await readPfx(globalThis.crypto, pfx, "n3w-password");
    expect(opened.certificatePem.replace(/\s+/g, "")).toBe(made.certificatePem.replace(/\s+/g, ""));
    expect(opened.privateKeyPem.replace(/\s+/g, "")).toBe(made.privateKeyPem.replace(/\s+/g, ""));
    await expect(readPfx(globalThis.crypto, pfx, "lost")).rejects.toBeInstanceOf(PfxError);
  });

  it("refuses an empty password and a PEM without its key", async () => {
    const made = await makeCertificate(globalThis.crypto, { subject: "x", days: 2, pfxPassword: "p" });
    await expect(pfxFromPem(globalThis.crypto, made, "")).rejects.toThrow(/password/);
    await expect(
      pfxFromPem(globalThis.crypto, { certificatePem: made.certificatePem, privateKeyPem: "" }, "p"),
    ).rejects.toThrow(/PRIVATE KEY/);
  });
});
