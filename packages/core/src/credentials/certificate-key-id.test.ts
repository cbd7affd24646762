import { describe, expect, it } from "vitest";
import { isGuid } from "../validate.js";
import { certificateKeyId } from "./certificate-key-id.js";

describe("certificateKeyId", () => {
  it("is a version 8 UUID fixed by the thumbprint, whatever its spelling", () => {
    const id = certificateKeyId("0123456789ABCDEF0123456789ABCDEF01234567");
    expect(id).toBe("01234567-89ab-8def-8123-456789abcdef");
    expect(isGuid(id)).toBe(true);
    expect(certificateKeyId("01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67")).toBe(id);
    expect(certificateKeyId("F".repeat(40))).not.toBe(id);
    expect(() => certificateKeyId("xyz")).toThrow(/40/);
  });
});
