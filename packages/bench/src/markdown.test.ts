import { describe, expect, it } from "vitest";
import { escapeCell, formatBytes, formatMs, formatRatio, markdownTable } from "./markdown.js";

describe("markdownTable", () => {
  it("aligns numeric columns right and text columns left", () => {
    const text = markdownTable({
      headers: ["case", "requests"],
      rows: [
        ["fresh", 6],
        ["no-op", 2],
      ],
    });
    expect(text).toBe("| case | requests |\n|---|---:|\n| fresh | 6 |\n| no-op | 2 |");
  });

  it("escapes pipes and newlines inside cells", () => {
    expect(escapeCell("a|b\nc")).toBe("a\\|b c");
  });

  it("puts the caption above the table", () => {
    const text = markdownTable({ caption: "Table 1", headers: ["x"], align: ["r"], rows: [["1"]] });
    expect(text.startsWith("Table 1\n\n| x |\n|---:|")).toBe(true);
  });

  it("rejects a row with the wrong number of cells", () => {
    expect(() => markdownTable({ headers: ["a", "b"], rows: [["only one"]] })).toThrow(/row 0 has 1 cells/);
  });
});

describe("formatters", () => {
  it("formats milliseconds by magnitude", () => {
    expect(formatMs(0.4219)).toBe("0.42 ms");
    expect(formatMs(12.34)).toBe("12.3 ms");
    expect(formatMs(1234.4)).toBe("1,234 ms");
    expect(formatMs(Number.NaN)).toBe("n/a");
  });

  it("formats bytes and ratios", () => {
    expect(formatBytes(900)).toBe("900 B");
    expect(formatBytes(2048)).toBe("2.0 KB");
    expect(formatBytes(3 * 1024 * 1024)).toBe("3.0 MB");
    expect(formatRatio(7.256)).toBe("7.3x");
    expect(formatRatio(Number.POSITIVE_INFINITY)).toBe("n/a");
  });
});
