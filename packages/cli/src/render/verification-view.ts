/** Human rendering of a verification report: tokens per API, then anything not yet granted. */
import type { ProofNotRunReason, VerificationReport } from "@boxafe-connect/core";
import type { Style } from "../style.js";

const mark = { granted: "✔", pending: "…", missing: "✖", unverifiable: "?" } as const;

/** What to do when the proof did not run, per reason (the CLI's commands). */
const NOT_RUN_NEXT: Readonly<Record<ProofNotRunReason, string>> = {
  "certificate-held-elsewhere":
    "prove it where the key is: boxafe-connect verify --certificate-file <the PEM>",
  "secret-held-elsewhere":
    "prove it where the secret is: boxafe-connect verify --client-secret-stdin (or set BOXAFE_CLIENT_SECRET for setup)",
  "no-token-service": "prove it with boxafe-connect verify",
};

export function verificationLines(report: VerificationReport, style: Style): string[] {
  // Not run is neither complete nor incomplete: no token was asked for, so nothing is counted.
  if (report.notRun)
    return [
      style.bold(`Verification ${report.notRun.message}.`),
      `  ${style.yellow("?")} ${NOT_RUN_NEXT[report.notRun.reason]}`,
    ];
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
