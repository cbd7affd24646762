/** The preflight list for people: one row per check (status, title, evidence) and its fix beneath. */
import type { CheckStatus, PreflightResult } from "@boxafe-connect/core";
import { escapeControl } from "@boxafe-connect/core";
import type { Style } from "../style.js";

const LABEL: Record<CheckStatus, string> = { pass: "PASS", warn: "WARN", fail: "FAIL", unknown: "UNKNOWN" };

function paint(style: Style, status: CheckStatus): string {
  const label = LABEL[status].padEnd(7);
  if (status === "pass") return style.green(label);
  if (status === "fail") return style.red(label);
  if (status === "warn") return style.yellow(label);
  return style.dim(label);
}

export function preflightLines(result: PreflightResult, style: Style): string[] {
  const lines = [style.bold("Preflight: the tenant's rules, read before any write")];
  for (const check of result.checks) {
    lines.push(`  ${paint(style, check.status)} ${check.title}`);
    lines.push(`          ${escapeControl(check.evidence)}`);
    if (check.fix) lines.push(`          ${style.cyan("Fix:")} ${escapeControl(check.fix)}`);
  }
  for (const reason of result.credentials.reasons)
    lines.push(`  ${style.cyan("Plan:")} ${escapeControl(reason)}`);
  return lines;
}

/** The JSON form (same for `preflight --json` and setup's document). */
export function preflightDocument(result: PreflightResult): Record<string, unknown> {
  return {
    ok: result.ok,
    checks: result.checks,
    credentials: result.credentials,
    signInFlow: result.signInFlow,
  };
}
