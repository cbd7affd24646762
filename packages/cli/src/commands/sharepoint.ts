/**
 * `sharepoint`: SharePoint app-only access. Default: a certificate added to the app (the modern
 * path; proven with a SharePoint token). --legacy-appinv: the retired appinv.aspx page's values.
 */
import {
  apply,
  CoreError,
  confirmHandOver,
  sharePointAppInv,
  sharePointTenantName,
  summarizePlan,
} from "@boxafe-connect/core";
import type { CommandContext } from "../command-context.js";
import { flag, stringOption } from "../command-context.js";
import { appInvLines } from "../render/app-inv-view.js";
import { verificationLines } from "../render/verification-view.js";
import { ExitCode } from "../render-error.js";
import { openAdminSession } from "../session/admin-session.js";
import { preflight } from "../session/app-options.js";
import { desiredCertificate, makeCertificate, writeCertificateFiles } from "../session/certificate.js";
import { computePlan, observeApp, replan } from "../session/compute-plan.js";
import { verifyCredentials } from "../session/verify-credentials.js";

export async function runSharePoint(context: CommandContext): Promise<number> {
  const { out } = context;
  const legacy = flag(context, "legacy-appinv");
  preflight(context);
  const session = await openAdminSession(context, { requireAdmin: !legacy });
  try {
    if (legacy) {
      const observed = await observeApp(context, session);
      const app = observed.application;
      if (!app)
        throw new CoreError("not_found", "No such app in this tenant. Run setup first, or check --app-id.");
      const inv = sharePointAppInv(sharePointTenantName(observed.organization.initialDomain), app.appId);
      out.result({ command: "sharepoint", ok: true, mode: "legacy-appinv", ...inv });
      out.print(appInvLines(inv, true).join("\n"));
      out.warn(inv.advisory);
      return ExitCode.Ok;
    }
    const first = await computePlan(context, session, { withSecret: false });
    const appName = first.observed.application?.displayName ?? first.desired.displayName;
    const made = await makeCertificate(context, appName);
    // Same tenant read, now with the certificate: one observe for the whole command.
    const computed = replan(context, first, { withSecret: false, certificate: desiredCertificate(made) });
    const summary = summarizePlan(computed.plan);
    const step = out.step(
      `Adding the certificate (${summary.total} change${summary.total === 1 ? "" : "s"})`,
    );
    const applied = await apply(session.deps, computed.plan, computed.observed);
    step.done(`Certificate ${made.created.thumbprint} added`);
    const appId = applied.application.appId;
    const dir = stringOption(context, "out-dir") ?? ".";
    const files = await writeCertificateFiles(dir, `boxafe-${appId.slice(0, 8)}-sharepoint`, made);
    // The private key is in the admin's files now; until here the tenant counts the certificate unheld.
    if (applied.handOver !== undefined) await confirmHandOver(session.deps, applied.handOver);
    const report = await verifyCredentials(out, {
      tenantId: session.tenantId,
      clientId: appId,
      credential: {
        kind: "certificate",
        certificatePem: made.created.certificatePem,
        privateKeyPem: made.created.privateKeyPem,
      },
      permissions: computed.desired.permissions.filter((p) => p.resource === "sharepoint"),
      cloud: session.target.endpoints,
      sharePointTenant: sharePointTenantName(computed.observed.organization.initialDomain),
    });
    if (made.generatedPassword) out.redactor.handOver(made.pfxPassword);
    out.result({
      command: "sharepoint",
      ok: report.complete,
      mode: "certificate",
      tenantId: session.tenantId,
      clientId: appId,
      thumbprint: made.created.thumbprint,
      notAfter: made.created.notAfter,
      files,
      pfxPassword: made.generatedPassword ? made.pfxPassword : null,
      verification: report,
    });
    out.info(verificationLines(report, out.style).join("\n"));
    out.print(
      [
        `Certificate thumbprint: ${made.created.thumbprint} (valid until ${made.created.notAfter.slice(0, 10)})`,
        `  ${files.pem}  certificate + private key (mode 0600)`,
        `  ${files.cer}  public certificate`,
        `  ${files.pfx}  PFX for Boxafe (mode 0600)`,
        ...(made.generatedPassword
          ? [`PFX password (shown only now): ${made.pfxPassword}`]
          : ["PFX password: from BOXAFE_PFX_PASSWORD"]),
      ].join("\n"),
    );
    return report.complete ? ExitCode.Ok : ExitCode.VerificationIncomplete;
  } finally {
    await session.close();
  }
}
