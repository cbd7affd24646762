/**
 * `pnpm bench <section ids>` re-runs some sections on a busy machine without throwing the others
 * away: the fresh sections replace their blocks of the existing BENCHMARKS.md, their targets replace
 * (or join) the Targets rows, and a line under the machine table says which sections were re-run,
 * when, and at what load.
 */

import type { MachineInfo } from "./machine.js";
import { escapeCell, markdownTable } from "./markdown.js";
import { renderSection, verdict } from "./report.js";
import type { SectionResult } from "./section.js";

/** Splits a report into its preamble (up to the first `## `) and `## ` blocks keyed by heading. */
function blocks(markdown: string): { preamble: string; sections: { heading: string; body: string }[] } {
  const parts = markdown.split(/^(?=## )/m);
  const preamble = parts[0]?.startsWith("## ") ? "" : (parts.shift() ?? "");
  return {
    preamble,
    sections: parts.map((p) => ({ heading: p.split("\n", 1)[0] ?? "", body: p })),
  };
}

function sectionOrder(heading: string): number {
  const match = /^## (\d+)([a-z]?)\./.exec(heading);
  return match
    ? Number(match[1]) * 10 + (match[2] ? match[2].charCodeAt(0) - 96 : 0)
    : Number.POSITIVE_INFINITY;
}

export function mergeReport(existing: string, fresh: readonly SectionResult[], machine: MachineInfo): string {
  const { preamble, sections } = blocks(existing);
  const targetsBlock = sections.find((s) => s.heading === "## Targets");
  const freshTargets = fresh.flatMap((s) => s.targets);
  const replaced = new Set(freshTargets.map((t) => t.target));
  const keptRows = (targetsBlock?.body ?? "")
    .split("\n")
    .filter((line) => line.startsWith("| ") && !line.startsWith("| Target |") && !line.startsWith("|---"))
    .filter((line) => !replaced.has((line.slice(2).split(" | ")[0] ?? "").replace(/\\\|/g, "|")));
  const freshRows = markdownTable({
    headers: ["Target", "Figure", "Result", "Why"],
    rows: freshTargets.map((t) => [t.target, t.figure, verdict(t), t.why ?? ""]),
  })
    .split("\n")
    .slice(2);
  const targets = [
    "## Targets",
    "",
    "| Target | Figure | Result | Why |",
    "|---|---|---|---|",
    ...keptRows,
    ...freshRows,
    "",
    "",
  ].join("\n");
  const freshBlocks = new Map(
    fresh.map((s) => [`## ${s.title}`, `${renderSection(s).join("\n").trimEnd()}\n\n`]),
  );
  const merged = sections
    .filter((s) => s.heading !== "## Targets" && !freshBlocks.has(s.heading))
    .map((s) => ({ heading: s.heading, body: s.body }))
    .concat([...freshBlocks].map(([heading, body]) => ({ heading, body })))
    .sort((a, b) => sectionOrder(a.heading) - sectionOrder(b.heading));
  const freshNumbers = fresh.map((s) => escapeCell(s.title.split(" ")[0] ?? s.id));
  const note =
    `Sections ${freshNumbers.join(", ")} re-run with ` +
    `\`pnpm bench ${fresh.map((s) => s.id).join(" ")}\` on ${machine.date}, load average ${machine.load} at start; ` +
    "the others are from the run above.";
  // Earlier partial runs keep their line: the report says where each section's figures come from. A
  // line all of whose sections this run measured again says nothing true any more: it goes.
  const head = preamble
    .split("\n")
    .filter((line) => {
      const listed = /^Sections (.+) re-run with /.exec(line)?.[1]?.split(", ");
      return listed === undefined || !listed.every((n) => freshNumbers.includes(n));
    })
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/\n*$/, "\n\n");
  return (
    `${head}${note}\n\n${targets}${merged.map((m) => m.body.replace(/\n*$/, "\n\n")).join("")}`.trimEnd() +
    "\n"
  );
}
