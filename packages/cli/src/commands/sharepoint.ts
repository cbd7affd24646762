/**
 * `sharepoint`: SharePoint app-only access. Default: a certificate added to the app (the modern
 * path; proven with a SharePoint token). --legacy-appinv: the retired appinv.aspx page's values.
 */
import { addCertificate, handedOver, sharePointValues } from "@boxafe-connect/core";
import type { CommandContext } from "../command-context.js";
import { flag, stringOption } from "../command-context.js";
import type { CertificateFiles, WrittenCertificate } from "../files/certificate-files.js";
import {
  certificateBaseName,
  handOverCertificateFiles,
  inlineCertificate,
  inlineCertificateLines,
} from "../files/certificate-files.js";
import { type HeldCertificate, heldCertificates, readHeldCertificate } from "../files/held-certificate.js";
import { checkOutputFolder } from "../files/output-path.js";
import { appInvLines } from "../render/app-inv-view.js";
import { withProgress } from "../render/task-progress.js";
import { verificationLines } from "../render/verification-view.js";
import { ExitCode, renderError } from "../render-error.js";
import { appRequestOf } from "../requests/app-request.js";
import { certificateRequestOf } from "../requests/certificate-request.js";
import { sessionRequestOf } from "../requests/session-request.js";
import { openAdminSession } from "../session/admin-session.js";
import { type AppCertificate, appCertificates, type MadeCertificate } from "../session/certificate-maker.js";

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

/** `--certificate-file`, read and checked before sign-in (exit 2 naming it when it is not usable). */
async function givenCertificate(context: CommandContext): Promise<HeldCertificate | undefined> {
  const file = stringOption(context, "certificate-file");
  return file === undefined ? undefined : readHeldCertificate(context, file, "certificate-file", Date.now());
}

export async function runSharePoint(context: CommandContext): Promise<number> {
  if (flag(context, "legacy-appinv")) return legacyAppInv(context);
  const { out } = context;
  const request = certificateRequestOf(context.values);
  const given = await givenCertificate(context);
  // The folder is checked before sign-in; an earlier run's files for this app are reused (core
  // decides: a certificate already on the app adds nothing), and new file names are checked
  // before any write, so a run that could not write its key files never adds a certificate.
  const dir = stringOption(context, "out-dir") ?? ".";
  await checkOutputFolder(dir, [], "out-dir", "sharepoint");
  const held = heldCertificates(context, {
    ...(given ? { given } : {}),
    dir,
    option: "out-dir",
    command: "sharepoint",
  });
  // With --app-id the earlier run's file is read (and refused when broken) before sign-in too.
  if (request.appId !== undefined) await held(request.appId);
  const session = await openAdminSession(context, sessionRequestOf(context.values), { requireAdmin: true });
  try {
    let files: CertificateFiles | undefined;
    // A new key pair on the app whose files could not be written: it goes out inline, whatever follows.
    let unwritten: { made: MadeCertificate; written: WrittenCertificate } | undefined;
    const result = await withProgress(out, (emit) =>
      addCertificate(
        {
          ...session.ports,
          proof: session.proof,
          certificates: appCertificates(context, held),
          // A new key pair's files are written as soon as it is on the app, before the proof.
          handOver: async ({ clientId, certificate }) => {
            if (certificate?.source !== "made") return;
            const written = await handOverCertificateFiles(dir, certificateBaseName(clientId), certificate);
            if (written.files) files = written.files;
            else unwritten = { made: certificate, written };
          },
        },
        request,
        emit,
      ),
    ).catch(async (error: unknown) => {
      // The proof (or anything after the add) failed: the key still reaches the admin first.
      if (unwritten === undefined) throw error;
      const rendered = renderError(error);
      showUnwritten(context, unwritten, { ok: false, exitCode: rendered.exitCode, error: rendered });
      out.error(rendered.message);
      return rendered.exitCode;
    });
    if (typeof result === "number") return result;
    const made = result.certificate;
    if (unwritten !== undefined) {
      // Shown inline: now the tenant may count it held.
      showUnwritten(context, unwritten, {
        ok: result.report.complete,
        tenantId: session.tenantId,
        clientId: result.clientId,
        verification: result.report,
      });
      await handedOver(session.ports, result.handOver);
      return ExitCode.FileNotWritten;
    }
    if (made.source === "made" && !files)
      throw new Error("The certificate was added but its files were not written; run sharepoint again.");
    // The private key is in the admin's files now; until here the tenant counts the certificate unheld.
    await handedOver(session.ports, result.handOver);
    if (made.generatedPassword) out.redactor.handOver(made.pfxPassword);
    const nothingToDo = made.source === "held" && result.summary.total === 0;
    out.result({
      command: "sharepoint",
      ok: result.report.complete,
      mode: "certificate",
      tenantId: session.tenantId,
      clientId: result.clientId,
      thumbprint: made.thumbprint,
      notAfter: made.notAfter,
      // "made": a new key pair (files written); "held": the admin's file, reused (nothing written).
      source: made.source,
      added: result.added,
      changed: result.summary.total > 0,
      certificateFile: made.source === "held" ? made.file : null,
      files: files ?? null,
      pfxPassword: made.generatedPassword ? made.pfxPassword : null,
      verification: result.report,
    });
    out.info(verificationLines(result.report, out.style).join("\n"));
    out.print(certificateLines(made, files, result.added, nothingToDo).join("\n"));
    return result.report.complete ? ExitCode.Ok : ExitCode.VerificationIncomplete;
  } finally {
    await session.close();
  }
}

function certificateLines(
  made: AppCertificate,
  files: CertificateFiles | undefined,
  added: boolean,
  nothingToDo: boolean,
): string[] {
  const head = `Certificate thumbprint: ${made.thumbprint} (valid until ${made.notAfter.slice(0, 10)})`;
  if (made.source === "held") {
    return [
      nothingToDo
        ? `Nothing to do: the certificate in ${made.file} is already on the app; nothing was written.`
        : added
          ? `Added the public part of your certificate ${made.file} to the app; no file was written.`
          : `Your certificate ${made.file} is already on the app; no file was written.`,
      head,
    ];
  }
  return [
    head,
    ...(files
      ? [
          `  ${files.pem}  certificate + private key (mode 0600)`,
          `  ${files.cer}  public certificate`,
          `  ${files.pfx}  PFX for Boxafe (mode 0600)`,
        ]
      : []),
    made.generatedPassword
      ? `PFX password (shown only now): ${made.pfxPassword}`
      : "PFX password: from BOXAFE_PFX_PASSWORD",
  ];
}

/** A new key pair whose files could not be written, in the JSON document and on stdout (once). */
function showUnwritten(
  context: CommandContext,
  unwritten: { made: MadeCertificate; written: WrittenCertificate },
  fields: Record<string, unknown>,
): void {
  const { out } = context;
  const { made, written } = unwritten;
  const inline = inlineCertificate(made);
  out.redactor.handOver(inline.pem);
  out.redactor.handOver(inline.pfxBase64);
  if (made.generatedPassword) out.redactor.handOver(made.pfxPassword);
  const failed = written.filesError ?? { path: "", reason: "not written" };
  out.result({
    command: "sharepoint",
    mode: "certificate",
    ...fields,
    thumbprint: made.thumbprint,
    notAfter: made.notAfter,
    source: "made",
    added: true,
    changed: true,
    certificateFile: null,
    files: null,
    filesError: failed,
    ...inline,
    pfxPassword: made.generatedPassword ? made.pfxPassword : null,
  });
  if (!out.json) {
    out.print(
      [
        `Certificate thumbprint: ${made.thumbprint} (valid until ${made.notAfter.slice(0, 10)})`,
        ...inlineCertificateLines(inline.pem, failed),
        made.generatedPassword
          ? `PFX password (shown only now): ${made.pfxPassword}`
          : "PFX password: from BOXAFE_PFX_PASSWORD",
      ].join("\n"),
    );
  } else
    out.error(
      `Could not write the certificate's files (${failed.path}: ${failed.reason}). The app already has the certificate; its key pair is in the JSON document (pem, pfxBase64): save it from there now.`,
    );
}
