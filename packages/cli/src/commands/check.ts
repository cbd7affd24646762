/**
 * `check`: drift report for an existing app. Exit 0 when the tenant holds what the profile needs,
 * 3 when setup would change something (it repairs the drift).
 */
import {
  advisoryNotes,
  CoreError,
  checkDrift,
  consentCounts,
  desiredFrom,
  summarizePlan,
} from "@boxafe-connect/core";
import type { CommandContext } from "../command-context.js";
import { advisoryLines } from "../render/advisories-view.js";
import { findingLines } from "../render/plan-view.js";
import { ExitCode } from "../render-error.js";
import { openAdminSession } from "../session/admin-session.js";
import { desiredOptionsOf, permissionsOf, preflight } from "../session/app-options.js";

export async function runCheck(context: CommandContext): Promise<number> {
  const { out } = context;
  preflight(context);
  const session = await openAdminSession(context, { requireAdmin: false });
  try {
    const now = session.deps.clock.now();
    const permissions = await permissionsOf(context);
    const options = desiredOptionsOf(context, now, { withSecret: true });
    const step = out.step("Comparing the app with the profile");
    const report = await checkDrift(session.deps, desiredFrom(permissions, options, now));
    const app = report.observed.application;
    if (!app) {
      step.fail("No such app");
      throw new CoreError(
        "not_found",
        "No such app in this tenant. Check --app-id or --app-name, or run setup.",
      );
    }
    step.done(report.drift ? "Drift found" : "No drift");
    const summary = summarizePlan(report.plan);
    const { declared, consented, missing } = consentCounts(report.observed, report.plan);
    const notes = advisoryNotes(permissions, app.appId);
    const credentials = [
      ...app.passwordCredentials.map((p) => ({
        type: "secret",
        keyId: p.keyId,
        displayName: p.displayName,
        endDateTime: p.endDateTime,
      })),
      ...app.keyCredentials.map((k) => ({
        type: "certificate",
        keyId: k.keyId,
        displayName: k.displayName,
        endDateTime: k.endDateTime,
      })),
    ];
    out.result({
      command: "check",
      ok: !report.drift,
      drift: report.drift,
      tenantId: session.tenantId,
      clientId: app.appId,
      displayName: app.displayName,
      permissions: {
        wanted: permissions.length,
        declared,
        consented,
        missing,
        extra: summary.findings.filter((f) => f.kind === "extra-permission").map((f) => f.message),
      },
      changes: summary.actions,
      findings: summary.findings,
      credentials,
      advisories: notes,
    });
    const { style } = out;
    out.print(
      [
        style.bold(`"${app.displayName}" (${app.appId}):`),
        `  permissions: ${permissions.length} wanted, ${declared} declared, ${consented} consented`,
        ...credentials.map(
          (c) => `  ${c.type} ${c.displayName ?? c.keyId}: until ${c.endDateTime.slice(0, 10)}`,
        ),
        ...(report.drift
          ? [
              style.red(`Drift: setup would make ${summary.total} change(s):`),
              ...summary.actions.map((a) => `  + ${a}`),
            ]
          : [style.green("No drift: the app holds what Boxafe needs.")]),
        ...findingLines(summary.findings, style),
        ...(notes.length > 0 ? ["", ...advisoryLines(notes, style)] : []),
      ].join("\n"),
    );
    return report.drift ? ExitCode.DriftFound : ExitCode.Ok;
  } finally {
    await session.close();
  }
}
