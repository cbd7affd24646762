/**
 * `check`: drift report for an existing app. Exit 0 when the tenant holds what the profile needs,
 * 3 when setup would change something (it repairs the drift).
 */
import type { EwsStatusResult, ObservedWithOrganization, WorkloadProof } from "@boxafe-connect/core";
import { check, ewsStatus, isCoreError, printable } from "@boxafe-connect/core";
import type { CommandContext } from "../command-context.js";
import { advisoryLines } from "../render/advisories-view.js";
import { ewsProofLine } from "../render/ews-view.js";
import { findingLines } from "../render/plan-view.js";
import { ExitCode } from "../render-error.js";
import { on, text } from "../requests/flag-values.js";
import { type SignInOptions, sessionRequestOf } from "../requests/session-request.js";
import { setupRequestOf, withProfile } from "../requests/setup-request.js";
import { type AdminSession, openAdminSession } from "../session/admin-session.js";
import { openEwsSession } from "../session/ews-session.js";
import { knownCredential, proveEws } from "./ews.js";

async function ewsCheck(
  context: CommandContext,
  session: AdminSession,
  signIn: SignInOptions,
  observed: ObservedWithOrganization,
  appId: string,
): Promise<{ status: EwsStatusResult; proof: WorkloadProof }> {
  const credential = await knownCredential(context);
  const ews = await openEwsSession(context, session, signIn, observed, appId);
  const status = await ewsStatus(ews.deps, ews.target);
  const proof = await proveEws(ews, credential, status.state === "allowed", text(context.values, "mailbox"));
  return { status, proof };
}

export async function runCheck(context: CommandContext): Promise<number> {
  const { out, values } = context;
  const request = await withProfile(setupRequestOf(values, Date.now()), values);
  const sessionRequest = sessionRequestOf(values);
  const session = await openAdminSession(context, sessionRequest, { requireAdmin: false });
  try {
    const step = out.step("Comparing the app with the profile");
    const report = await check(session.ports, request).catch((error: unknown) => {
      step.fail(isCoreError(error) && error.code === "not_found" ? "No such app" : undefined);
      throw error;
    });
    step.done(report.drift ? "Drift found" : "No drift");
    const { app, summary, consent, credentials, advisories, permissions } = report;
    // --with-ews: the EWS allow list (second sign-in) and, with the app's credential, a real EWS call.
    const ews = on(values, "with-ews")
      ? await ewsCheck(context, session, sessionRequest.signIn, report.observed, app.appId)
      : undefined;
    out.result({
      command: "check",
      ok: !report.drift,
      drift: report.drift,
      tenantId: session.tenantId,
      clientId: app.appId,
      displayName: app.displayName,
      permissions: {
        wanted: permissions.length,
        declared: consent.declared,
        consented: consent.consented,
        missing: consent.missing,
        extra: report.extraPermissions,
      },
      changes: summary.actions,
      findings: summary.findings,
      credentials,
      advisories,
      ...(ews
        ? {
            ews: {
              policyState: ews.status.state,
              ews: ews.proof.state,
              proof: ews.proof,
              notes: ews.status.notes,
            },
          }
        : {}),
    });
    const { style } = out;
    out.print(
      [
        style.bold(`"${printable(app.displayName)}" (${app.appId}):`),
        `  permissions: ${permissions.length} wanted, ${consent.declared} declared, ${consent.consented} consented`,
        // Every credential with days left and its 60/30/7-day warning; unheld ones are drift.
        ...credentials.map((c) => {
          const line = `  ${c.type} ${printable(c.displayName ?? c.keyId)}: until ${c.endDateTime.slice(0, 10)} (${c.daysLeft} days left)`;
          if (c.unheld) return style.red(`${line}, never handed over: run setup to replace it`);
          if (c.warning === null) return line;
          const text =
            c.warning === "expired"
              ? `${line}, EXPIRED`
              : `${line}, renew within ${c.warning.replace("-", " ")}`;
          return c.warning === "60-days" ? style.yellow(text) : style.red(text);
        }),
        ...(report.drift
          ? [
              style.red(`Drift: setup would make ${summary.total} change(s):`),
              ...summary.actions.map((a) => `  + ${a}`),
            ]
          : [style.green("No drift: the app holds what Boxafe needs.")]),
        ...findingLines(summary.findings, style),
        ...(advisories.length > 0 ? ["", ...advisoryLines(advisories, style)] : []),
        ...(ews ? ["", ewsProofLine(ews.proof, style)] : []),
      ].join("\n"),
    );
    return report.drift ? ExitCode.DriftFound : ExitCode.Ok;
  } finally {
    await session.close();
  }
}
