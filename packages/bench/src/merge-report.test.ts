import { describe, expect, it } from "vitest";
import type { MachineInfo } from "./machine.js";
import { mergeReport } from "./merge-report.js";
import { renderReport } from "./report.js";
import type { SectionResult } from "./section.js";

const machine: MachineInfo = {
  date: "2026-12-01T22:00:00Z",
  cpu: "cpu",
  cores: 2,
  memoryGb: 8,
  load: 1,
  node: "v20",
  platform: "linux",
};

function section(id: string, title: string, figure: string, pass: boolean): SectionResult {
  return {
    id,
    title,
    method: `method of ${id}`,
    tables: [{ headers: ["a"], rows: [[figure]] }],
    targets: [{ target: `target of ${id}`, figure, pass }],
    notes: [],
    charts: [],
    seconds: 1,
  };
}

describe("mergeReport", () => {
  it("replaces only the re-run sections and their targets, keeping the order and the others", () => {
    const full = renderReport({
      machine,
      command: "pnpm bench",
      totalSeconds: 10,
      sections: [
        section("one", "1. One", "old-1", true),
        section("four", "4. Four", "old-4", false),
        section("six", "6. Six", "old-6", true),
      ],
    });
    const merged = mergeReport(
      full,
      [section("four", "4. Four", "new-4", true), section("five", "5. Five", "new-5", true)],
      {
        ...machine,
        load: 0.5,
      },
    );
    expect(merged).toContain("old-1");
    expect(merged).toContain("old-6");
    expect(merged).toContain("new-4");
    expect(merged).not.toContain("old-4");
    const headings = merged.split("\n").filter((l) => l.startsWith("## "));
    expect(headings).toEqual(["## Targets", "## 1. One", "## 4. Four", "## 5. Five", "## 6. Six"]);
    const rows = merged.split("\n").filter((l) => l.startsWith("| target of"));
    expect(rows.map((r) => r.split(" | ")[0])).toEqual([
      "| target of one",
      "| target of six",
      "| target of four",
      "| target of five",
    ]);
    expect(merged).toContain("Sections 4., 5. re-run with `pnpm bench four five`");
    // A second partial run adds its own line; the first one's stays (its sections are still in).
    const twice = mergeReport(merged, [section("four", "4. Four", "newer-4", true)], machine);
    expect(twice.match(/re-run with/g)).toHaveLength(2);
    expect(twice).toContain("new-5");
    // Sections 4. and 5. both measured again: neither earlier line is true any more.
    const again = mergeReport(
      twice,
      [section("four", "4. Four", "newest-4", true), section("five", "5. Five", "newest-5", true)],
      machine,
    );
    expect(again.match(/re-run with/g)).toHaveLength(1);
    expect(again).toContain("Sections 4., 5. re-run with `pnpm bench four five`");
    expect(again).not.toMatch(/\n{3,}/);
  });
});
