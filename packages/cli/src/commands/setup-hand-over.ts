/**
 * The end of every setup: the values for Boxafe's "Add new Domain" window (stdout) and the JSON
 * document first, the "shown only now" warning, advisories with the next action. The optional 0600
 * file is written (synchronously, never throwing) just before the document, which says whether it
 * was: a failed write loses nothing (exit 6, FileNotWritten; the path was checked before sign-in).
 */
import type {
  Applied,
  BoxafeVersion,
  KeptCertificate,
  Permission,
  PlanSummary,
  VerificationReport,
} from "@boxafe-connect/core";
import { advisoryNotes, printable } from "@boxafe-connect/core";
import type { CommandContext } from "../command-context.js";
import { type CertificateFilesError, inlineCertificateLines } from "../files/certificate-files.js";
import { handOverLines, handOverValues, shownOnlyNowWarning } from "../files/hand-over.js";
import { reportHandOverFile, writeHandOverFileNow } from "../files/hand-over-file.js";
import { advisoryLines } from "../render/advisories-view.js";
import { ewsChangeLines, powerShellLines } from "../render/ews-view.js";
import { KEPT_NOT_RUN, keptCertificateLines } from "../render/kept-certificate.js";
import { readinessLines } from "../render/readiness-view.js";
import { verificationLines } from "../render/verification-view.js";
import { ExitCode, type RenderedError } from "../render-error.js";
import type { SetupEnd } from "../session/setup-end.js";

/** What core's setup applied (its ids, the new secret) and what the end shows with it. */
export interface HandOverInput
  extends Pick<
    Applied,
    "tenantId" | "clientId" | "applicationObjectId" | "servicePrincipalId" | "displayName" | "secret"
  > {
  readonly command: string;
  readonly permissions: readonly Permission[];
  readonly summary?: PlanSummary;
  readonly report: VerificationReport | undefined;
  readonly stats?: { readonly requests: number; readonly roundTrips: number };
  readonly outputFile: string | undefined;
  readonly certificate?: {
    readonly thumbprint: string;
    readonly notAfter: string;
    /** "held": the admin's own certificate file was reused (nothing written); "made": new files. */
    readonly source: "held" | "made";
    /** The admin's file when reused. */
    readonly file: string | null;
    readonly files: { readonly pem: string; readonly cer: string; readonly pfx: string } | null;
    /** The files of a new key pair could not be written: why, and the key pair itself (shown once). */
    readonly filesError?: CertificateFilesError;
    readonly pem?: string;
    readonly pfxBase64?: string;
    readonly pfxPassword: string | null;
    /** The SharePoint proof with the certificate. */
    readonly verification?: VerificationReport;
  };
  /** The app's certificate from an earlier run, kept (nothing made or written; no proof ran). */
  readonly kept?: KeptCertificate;
  /** Preflight's checks and the credential choice (JSON only; people saw them before the plan). */
  readonly preflight?: Record<string, unknown>;
  /** A later step failed after a secret was made: the values still go out, with the error. */
  readonly failure?: RenderedError;
  /** Which Boxafe takes the values (what the certificate is for). */
  readonly boxafe?: BoxafeVersion;
  /** The EWS step and the real call per workload (the honest end). */
  readonly end?: SetupEnd;
}

export async function handOver(context: CommandContext, input: HandOverInput): Promise<ExitCode> {
  const { out } = context;
  // The values the admin must receive pass the stdout redactor; everything else on stdout is redacted.
  out.redactor.handOver(input.secret?.secretText);
  out.redactor.handOver(input.certificate?.pfxPassword ?? undefined);
  out.redactor.handOver(input.certificate?.pem);
  out.redactor.handOver(input.certificate?.pfxBase64);
  const values = handOverValues(input.tenantId, input.clientId, input.secret);
  const notes = advisoryNotes(input.permissions, input.clientId);
  // The file first (it cannot throw), so the document says whether it was written.
  const file = writeHandOverFileNow(input.outputFile, values);
  out.result({
    command: input.command,
    // A proof that did not run (no credential here) is not a failure of setup; `verification.notRun` says why.
    ok: input.failure
      ? false
      : input.report
        ? input.report.complete || input.report.notRun !== undefined
        : true,
    tenantId: input.tenantId,
    clientId: input.clientId,
    applicationObjectId: input.applicationObjectId,
    servicePrincipalId: input.servicePrincipalId,
    displayName: input.displayName,
    clientSecret: input.secret?.secretText ?? null,
    secretKeyId: input.secret?.keyId ?? null,
    secretExpiresAt: input.secret?.endDateTime ?? null,
    changed: (input.summary?.total ?? 0) > 0,
    ...(input.summary
      ? { actions: input.summary.actions, counts: input.summary.counts, findings: input.summary.findings }
      : {}),
    ...(input.stats ? { stats: input.stats } : {}),
    verification: input.report ?? null,
    advisories: notes,
    ...file,
    certificate: input.certificate ?? null,
    ...(input.kept ? { keptCertificate: input.kept } : {}),
    ...(input.report?.notRun
      ? { proof: input.report.notRun.message }
      : input.kept
        ? { proof: KEPT_NOT_RUN }
        : {}),
    ...(input.preflight ? { preflight: input.preflight } : {}),
    boxafe: input.boxafe ?? null,
    ...(input.end ? endResult(input.end) : {}),
    ...(input.failure
      ? {
          exitCode: input.failure.exitCode,
          error: { code: input.failure.code, message: input.failure.message },
        }
      : {}),
  });
  if (!out.json) showValues(context, input, values, notes);
  const filed = reportHandOverFile(out, file);
  const unwritten = input.certificate?.filesError;
  if (unwritten === undefined) return filed;
  if (out.json)
    out.error(
      `Could not write the certificate's files (${unwritten.path}: ${unwritten.reason}). The app already has the certificate; its key pair is in the JSON document (certificate.pem, certificate.pfxBase64): save it from there now.`,
    );
  return ExitCode.FileNotWritten;
}

function showValues(
  context: CommandContext,
  input: HandOverInput,
  values: ReturnType<typeof handOverValues>,
  notes: ReturnType<typeof advisoryNotes>,
): void {
  const { out } = context;
  if (input.report) out.info(verificationLines(input.report, out.style).join("\n"));
  out.print(
    [
      "",
      out.style.bold(`Values for Boxafe's "Add new Domain" window (${printable(input.displayName)}):`),
      ...handOverLines(values, out.style).map((line) => `  ${line}`),
      "",
    ].join("\n"),
  );
  if (input.certificate) {
    const c = input.certificate;
    const what =
      input.boxafe === "1.5"
        ? "Certificate for Boxafe 1.5 or later (upload the PFX with its password; it also gives SharePoint access)"
        : "Certificate for SharePoint";
    out.print(
      [
        `${what}: ${c.thumbprint} (until ${c.notAfter.slice(0, 10)})`,
        ...(c.files ? [`  ${c.files.pem} (key, 0600)  ${c.files.cer}  ${c.files.pfx} (0600)`] : []),
        ...(c.file
          ? [
              `  your ${c.file}, reused: no new key, no file written`,
              // A run stopped after writing the PEM never showed its PFX password: a new PFX is one command.
              `  no PFX password to show for it; without one, 'boxafe-connect certificate pfx --certificate-file ${c.file}' makes a new PFX`,
            ]
          : []),
        ...(c.pfxPassword && !c.filesError ? [`  PFX password (shown only now): ${c.pfxPassword}`] : []),
      ].join("\n"),
    );
    if (c.filesError && c.pem) out.print(inlineCertificateLines(c.pem, c.filesError).join("\n"));
  }
  if (input.kept) out.print(keptCertificateLines(input.kept, input.clientId).join("\n"));
  if (input.secret) out.warn(shownOnlyNowWarning);
  const advice = advisoryLines(notes, out.style);
  if (advice.length > 0) out.info(["", ...advice].join("\n"));
  if (input.end) printEnd(context, input.end);
}

/** The JSON fields of the honest end: `ews` (the step) and `ready: {graph, exchange, sharepoint}`. */
function endResult(end: SetupEnd): Record<string, unknown> {
  return {
    ews: end.ews
      ? {
          mode: end.ews.mode,
          outcome: end.ews.allow?.outcome ?? null,
          needsConfirmation: end.ews.needsConfirmation,
          effects: end.ews.allow?.change.effects ?? [],
          powershell: end.ews.powershell,
        }
      : end.ewsError
        ? { error: end.ewsError }
        : null,
    ready: end.workloads?.ready ?? null,
    workloads: end.workloads
      ? { graph: end.workloads.graph, exchange: end.workloads.exchange, sharepoint: end.workloads.sharepoint }
      : null,
  };
}

function printEnd(context: CommandContext, end: SetupEnd): void {
  const { out } = context;
  if (end.ews?.allow) out.info(["", ...ewsChangeLines(end.ews.allow, out.style)].join("\n"));
  if (end.ews && end.ews.mode !== "skip")
    out.info(["", ...powerShellLines(end.ews.powershell, out.style)].join("\n"));
  if (end.ews?.needsConfirmation) {
    out.warn(
      "The EWS allow list was not changed: it would take EWS away from every other app in the tenant. Run 'boxafe-connect ews allow --confirm-ews-change' if that is what you want (--yes is not enough).",
    );
  }
  if (end.ewsError)
    out.warn(`The EWS step failed: ${end.ewsError.message} ('boxafe-connect ews allow' tries again).`);
  if (end.workloads) out.print(["", ...readinessLines(end.workloads.readiness, out.style)].join("\n"));
}
