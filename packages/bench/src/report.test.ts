import { describe, expect, it } from "vitest";
import { renderReport, renderSection, verdict } from "./report.js";
import { notMeasured, reasonOf } from "./section.js";

const machine = {
  cpu: "Test CPU",
  cores: 2,
  memoryGb: 4,
  node: "v20.20.2",
  platform: "linux",
  date: "2026-11-28T00:00:00Z",
  load: 0.5,
};

describe("renderReport", () => {
  const text = renderReport({
    machine,
    command: "pnpm bench",
    totalSeconds: 42,
    sections: [
      {
        id: "web",
        title: "5. Web bundle",
        method: "gzip -9 of the entry chunks.",
        tables: [{ headers: ["file", "gzip"], rows: [["index.js", 1234]] }],
        targets: [{ target: "initial JS < 60 KB gzip", figure: "1.2 KB", pass: true }],
        notes: ["note one"],
        charts: [{ path: "docs/bench-setup.svg", alt: "chart", svg: "<svg/>" }],
        seconds: 0.5,
      },
      {
        ...notMeasured("api", "6. API", "autocannon.", "packages/api has no createApp yet", ["p99 < x"]),
        seconds: 0,
      },
    ],
  });

  it("has the machine, the command, and every section", () => {
    expect(text).toContain("| CPU | Test CPU (2 cores) |");
    expect(text).toContain("`pnpm install && pnpm bench`");
    expect(text).toContain("## 5. Web bundle");
    expect(text).toContain("![chart](docs/bench-setup.svg)");
    expect(text).toContain("| index.js | 1234 |");
    expect(text).toContain("- note one");
  });

  it("lists every target with its figure and verdict, and says why a section was not measured", () => {
    expect(text).toContain("| initial JS < 60 KB gzip | 1.2 KB | PASS |  |");
    expect(text).toContain("| p99 < x | not measured | NOT MEASURED | packages/api has no createApp yet |");
    expect(text).toContain("**not measured:** packages/api has no createApp yet");
  });
});

describe("renderSection", () => {
  it("reports a table that cannot be rendered instead of throwing", () => {
    const lines = renderSection({
      id: "x",
      title: "X",
      method: "m",
      tables: [{ headers: ["a", "b"], rows: [["1"]] }],
      targets: [],
      notes: [],
      charts: [],
      seconds: 1,
    });
    expect(lines.join("\n")).toMatch(/could not be rendered \(Error: row 0 has 1 cells/);
  });
});

describe("verdict and reasonOf", () => {
  it("maps pass to PASS/MISS/NOT MEASURED", () => {
    expect(verdict({ target: "t", figure: "f", pass: false })).toBe("MISS");
    expect(verdict({ target: "t", figure: "f", pass: undefined })).toBe("NOT MEASURED");
  });

  it("keeps the first line of an error", () => {
    expect(reasonOf(new Error("first\nsecond"))).toBe("first");
    expect(reasonOf(new TypeError("bad"))).toBe("TypeError: bad");
    expect(reasonOf("x".repeat(400))).toHaveLength(300);
  });
});
