/** Human rendering of a verification report: tokens per API, then anything not yet granted. */
import type { VerificationReport } from "@boxafe-connect/core";
import type { Style } from "../style.js";

const mark = { granted: "✔", pending: "…", missing: "✖", unverifiable: "?" } as const;

export function verificationLines(report: VerificationReport, style: Style): string[] {
  const tokens = report.tokens.map(
    (t) =>
      `  ${t.ok ? style.green("✔") : style.red("✖")} token for ${t.audience}${t.ok ? ` (${t.roles.length} roles)` : `: ${t.error?.message ?? "failed"}`}`,
  );
  const open = report.items
    .filter((i) => i.status !== "granted")
    .map(
      (i) =>
        `  ${mark[i.status]} ${i.resource} ${i.value} (${i.kind}): ${i.status}${i.detail ? `, ${i.detail}` : ""}`,
    );
  return [
    style.bold(report.complete ? "Verification complete:" : "Verification incomplete:"),
    ...tokens,
    ...(open.length > 0 ? open : [`  ${style.green("✔")} all ${report.items.length} permissions granted`]),
  ];
}
