/** Markdown writers for BENCHMARKS.md: tables with escaped cells, number formatting. */

export type Cell = string | number;

export interface Table {
  readonly caption?: string;
  readonly headers: readonly string[];
  /** "l" or "r" per column; numbers default to right-aligned. */
  readonly align?: readonly ("l" | "r")[];
  readonly rows: readonly (readonly Cell[])[];
}

/** Pipes and newlines would break a table row. */
export function escapeCell(value: Cell): string {
  return String(value).replaceAll("|", "\\|").replaceAll(/\r?\n/g, " ");
}

export function markdownTable(table: Table): string {
  const width = table.headers.length;
  for (const [index, row] of table.rows.entries()) {
    if (row.length !== width) {
      throw new Error(`row ${index} has ${row.length} cells, the table has ${width} columns`);
    }
  }
  const align = table.headers.map((_, column) => {
    const given = table.align?.[column];
    if (given) return given;
    return table.rows.length > 0 && table.rows.every((row) => typeof row[column] === "number") ? "r" : "l";
  });
  const line = (cells: readonly Cell[]): string => `| ${cells.map(escapeCell).join(" | ")} |`;
  const rule = `|${align.map((a) => (a === "r" ? "---:" : "---")).join("|")}|`;
  const out = [line(table.headers), rule, ...table.rows.map(line)].join("\n");
  return table.caption ? `${table.caption}\n\n${out}` : out;
}

/** Milliseconds with sensible precision: 0.42 ms, 12.3 ms, 1,234 ms. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return "n/a";
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  return `${Math.round(ms).toLocaleString("en-US")} ms`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function formatRatio(ratio: number): string {
  return Number.isFinite(ratio) ? `${ratio.toFixed(1)}x` : "n/a";
}
