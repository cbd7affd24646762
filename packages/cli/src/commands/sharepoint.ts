/**
 * `sharepoint`: SharePoint app-only access. Default: a certificate added to the app (the modern
 * path; proven with a SharePoint token). --legacy-appinv: the retired appinv.aspx page's values.
 */
import { addCertificate, handedOver, sharePointValues } from "@boxafe-connect/core";
import type { CommandContext } from "../command-context.js";
import { flag, stringOption } from "../command-context.js";
import type { CertificateFiles } from "../files/certificate-files.js";
import { certificateBaseName, writeCertificateFiles } from "../files/certificate-files.js";
import { checkOutputFolder } from "../files/output-path.js";
import { appInvLines } from "../render/app-inv-view.js";
import { withProgress } from "../render/task-progress.js";
import { verificationLines } from "../render/verification-view.js";
import { ExitCode } from "../render-error.js";
import { appRequestOf } from "../requests/app-request.js";
import { certificateRequestOf } from "../requests/certificate-request.js";
import { sessionRequestOf } from "../requests/session-request.js";
import { openAdminSession } from "../session/admin-session.js";
import { certificateMaker } from "../session/certificate-maker.js";

async function legacyAppInv(context: CommandContext): Promise<number> {
  const { out } = context;
  const request = appRequestOf(context.values);
  const session = await openAdminSession(context, sessionRequestOf(context.values), { requireAdmin: false });
  try {
    const { tenantId: _t, ...inv } = await withProgress(out, (emit) =>
      sharePointValues(session.ports, request, emit),
    );
    out.result({ command: "sharepoint", ok: true, mode: "legacy-appinv", ...inv });
    out.print(appInvLines(inv, true).join("\n"));
    out.warn(inv.advisory);
    return ExitCode.Ok;
  } finally {
    await session.close();
  }
}

export async function runSharePoint(context: CommandContext): Promise<number> {
  if (flag(context, "legacy-appinv")) return legacyAppInv(context);
  const { out } = context;
  const request = certificateRequestOf(context.values);
  // The folder (and, with --app-id, the very file names) are checked before sign-in: a run that
  // could not write its key files must not add a certificate first.
  const dir = stringOption(context, "out-dir") ?? ".";
  const base = request.appId === undefined ? undefined : certificateBaseName(request.appId);
  await checkOutputFolder(
    dir,
    base ? [`${base}.pem`, `${base}.cer`, `${base}.pfx`] : [],
    "out-dir",
    "sharepoint",
  );
  const session = await openAdminSession(context, sessionRequestOf(context.values), { requireAdmin: true });
  try {
    let files: CertificateFiles | undefined;
    const result = await withProgress(out, (emit) =>
      addCertificate(
        {
          ...session.ports,
          proof: session.proof,
          certificates: certificateMaker(context),
          // The files are written as soon as the certificate is on the app, before the proof.
          handOver: async ({ clientId, certificate }) => {
            if (!certificate) return;
            files = await writeCertificateFiles(dir, certificateBaseName(clientId), certificate);
          },
        },
        request,
        emit,
      ),
    );
    const made = result.certificate;
    const written: CertificateFiles | undefined = files;
    if (!written)
      throw new Error("The certificate was added but its files were not written; run sharepoint again.");
    // The private key is in the admin's files now; until here the tenant counts the certificate unheld.
    await handedOver(session.ports, result.handOver);
    if (made.generatedPassword) out.redactor.handOver(made.pfxPassword);
    out.result({
      command: "sharepoint",
      ok: result.report.complete,
      mode: "certificate",
      tenantId: session.tenantId,
      clientId: result.clientId,
      thumbprint: made.thumbprint,
      notAfter: made.notAfter,
      files: written,
      pfxPassword: made.generatedPassword ? made.pfxPassword : null,
      verification: result.report,
    });
    out.info(verificationLines(result.report, out.style).join("\n"));
    out.print(
      [
        `Certificate thumbprint: ${made.thumbprint} (valid until ${made.notAfter.slice(0, 10)})`,
        `  ${written.pem}  certificate + private key (mode 0600)`,
        `  ${written.cer}  public certificate`,
        `  ${written.pfx}  PFX for Boxafe (mode 0600)`,
        ...(made.generatedPassword
          ? [`PFX password (shown only now): ${made.pfxPassword}`]
          : ["PFX password: from BOXAFE_PFX_PASSWORD"]),
      ].join("\n"),
    );
    return result.report.complete ? ExitCode.Ok : ExitCode.VerificationIncomplete;
  } finally {
    await session.close();
  }
}
