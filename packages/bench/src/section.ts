/** What each benchmark hands to the report: tables, targets with their figures, notes, charts. */
import type { Table } from "./markdown.js";

export interface TargetResult {
  /** What is promised, e.g. "fresh setup <= 6 Graph requests". */
  readonly target: string;
  /** The measured figure, formatted. */
  readonly figure: string;
  /** undefined when the figure could not be measured. */
  readonly pass: boolean | undefined;
  /** For a miss or an unmeasured target: why. */
  readonly why?: string;
}

export interface ChartRef {
  /** Path relative to the repository root, e.g. docs/bench-setup.svg. */
  readonly path: string;
  readonly alt: string;
  /** The SVG document; main writes it next to BENCHMARKS.md. */
  readonly svg: string;
}

export interface SectionResult {
  readonly id: string;
  readonly title: string;
  /** One paragraph: what is measured and how. */
  readonly method: string;
  /** Set when the section could not run: "not measured: <reason>". */
  readonly notMeasured?: string;
  readonly tables: readonly Table[];
  readonly targets: readonly TargetResult[];
  readonly notes: readonly string[];
  readonly charts: readonly ChartRef[];
  readonly seconds: number;
  /** 1-minute load average at the section's start and end (other work on the machine skews timings). */
  readonly load?: readonly [number, number];
}

export function notMeasured(
  id: string,
  title: string,
  method: string,
  reason: string,
  targets: readonly string[] = [],
): Omit<SectionResult, "seconds"> {
  return {
    id,
    title,
    method,
    notMeasured: reason,
    tables: [],
    targets: targets.map((target) => ({ target, figure: "not measured", pass: undefined, why: reason })),
    notes: [],
    charts: [],
  };
}

/** The one-line reason of an error, without stack or anything that could hold a secret. */
export function reasonOf(error: unknown): string {
  const text =
    error instanceof Error
      ? `${error.name === "Error" ? "" : `${error.name}: `}${error.message}`
      : String(error);
  const line = text.split("\n")[0] ?? text;
  return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}
