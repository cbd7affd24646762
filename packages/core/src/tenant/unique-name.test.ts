import { describe, expect, it } from "vitest";
import { isCoreError } from "../errors.js";
import { uniqueNameFor } from "./unique-name.js";

describe("uniqueNameFor", () => {
  it("derives the documented name from the default display name", () => {
    expect(uniqueNameFor("QNAP Boxafe")).toBe("boxafe-connect-qnap-boxafe");
  });

  it("is stable and ignores case, spacing and punctuation differences", () => {
    expect(uniqueNameFor("  qnap   BOXAFE ")).toBe("boxafe-connect-qnap-boxafe");
    expect(uniqueNameFor("QNAP Boxafe (Prod) #2")).toBe("boxafe-connect-qnap-boxafe-prod-2");
    expect(uniqueNameFor("O'Brien's Boxafe")).toBe("boxafe-connect-o-brien-s-boxafe");
  });

  it("folds diacritics and keeps only Graph-safe characters", () => {
    const name = uniqueNameFor("Sauvegarde Éléphant ü");
    expect(name).toBe("boxafe-connect-sauvegarde-elephant-u");
    expect(name).toMatch(/^[a-z0-9-]+$/);
  });

  it("hashes names without ASCII letters so different names stay different", () => {
    const a = uniqueNameFor("バックアップ");
    const b = uniqueNameFor("备份");
    expect(a).toMatch(/^boxafe-connect-[0-9a-f]{8}$/);
    expect(a).not.toBe(b);
    expect(uniqueNameFor("バックアップ")).toBe(a);
  });

  it("caps the length without a trailing hyphen", () => {
    const name = uniqueNameFor(`${"a".repeat(104)} ${"b".repeat(40)}`);
    expect(name.length).toBeLessThanOrEqual(120);
    expect(name.endsWith("-")).toBe(false);
  });

  it("rejects an empty name naming the field", () => {
    try {
      uniqueNameFor("   ");
      expect.unreachable();
    } catch (error) {
      expect(isCoreError(error) && error.field).toBe("displayName");
    }
  });
});
