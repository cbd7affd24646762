/** Human rendering of a plan: one line per action, then findings. */
import type { Finding, PlanSummary } from "@boxafe-connect/core";
import type { Style } from "../style.js";

export function findingLines(findings: readonly Finding[], style: Style): string[] {
  return findings.map((f) => `  ${style.yellow("!")} ${f.message}`);
}

export function planLines(summary: PlanSummary, style: Style): string[] {
  if (summary.total === 0) {
    return [style.green("Nothing to do: the app is in place."), ...findingLines(summary.findings, style)];
  }
  return [
    style.bold(`${summary.total} change${summary.total === 1 ? "" : "s"}:`),
    ...summary.actions.map((line) => `  + ${line}`),
    ...(summary.findings.length > 0
      ? ["", style.bold("Found:"), ...findingLines(summary.findings, style)]
      : []),
  ];
}
