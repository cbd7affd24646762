import { describe, expect, it } from "vitest";
import { escapeControl, printable } from "./printable.js";

describe("escapeControl", () => {
  it("escapes C0, DEL and C1 control characters, nothing else", () => {
    expect(escapeControl("Block\u001b[2J device\ncode")).toBe("Block\\u001b[2J device\\u000acode");
    expect(escapeControl("a\u007fb\u009bc\u0000")).toBe("a\\u007fb\\u009bc\\u0000");
    expect(escapeControl("Zürich — ok ✓")).toBe("Zürich — ok ✓");
  });
});

describe("printable", () => {
  it("cuts before escaping, so the escape of a kept character is whole", () => {
    expect(printable("x".repeat(400))).toHaveLength(300);
    expect(printable("ab\u001bcd", 3)).toBe("ab\\u001b");
  });
});
