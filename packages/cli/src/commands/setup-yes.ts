/**
 * `setup --yes`: the wizard's step machine with every answer given up front (core's
 * answersUpFront): sign in, check the role, plan, apply, verify with the new secret, hand over,
 * and with --certificate the SharePoint step adds a certificate. A re-run with nothing to do
 * writes nothing.
 */
import type { WizardState } from "@boxafe-connect/core";
import {
  answersUpFront,
  CoreError,
  DEFAULT_APP_NAME,
  DEFAULT_BOXAFE_VERSION,
  driveSteps,
  initialState,
  needsCertificate,
} from "@boxafe-connect/core";
import type { CommandContext } from "../command-context.js";
import { stringOption } from "../command-context.js";
import type { WrittenCertificate } from "../files/certificate-files.js";
import {
  certificateBaseName,
  handOverCertificateFiles,
  inlineCertificate,
} from "../files/certificate-files.js";
import { heldCertificates, readHeldCertificate } from "../files/held-certificate.js";
import { checkOutputFile, checkOutputFolder } from "../files/output-path.js";
import { planLines } from "../render/plan-view.js";
import { preflightDocument } from "../render/preflight-view.js";
import { taskProgress } from "../render/task-progress.js";
import { ExitCode, renderError } from "../render-error.js";
import { sessionRequestOf } from "../requests/session-request.js";
import { setupEndFlagsOf } from "../requests/setup-end-request.js";
import { setupRequestOf, withProfile } from "../requests/setup-request.js";
import { appCertificates } from "../session/certificate-maker.js";
import { finishSetup } from "../session/setup-end.js";
import type { WizardSession } from "../wizard/setup-session.js";
import { createWizardSession } from "../wizard/setup-session.js";
import { handOver } from "./setup-hand-over.js";

/** What the run made, as the hand-over shows it. */
function handOverInput(
  context: CommandContext,
  session: WizardSession,
  written: WrittenCertificate | undefined,
) {
  const core = session.core();
  const prepared = core.prepared();
  const applied = core.applied();
  const observed = prepared?.observed;
  const clientId = applied?.clientId ?? observed?.application?.appId;
  if (!prepared || !observed || clientId === undefined) return undefined;
  const secret = core.newSecret();
  // A key pair made this run goes out even when its proof never ran (a failure after its files).
  const unheld = core.unheld()?.certificate;
  const certificate = session.certificate() ?? (unheld ? { made: unheld, report: undefined } : undefined);
  const checked = session.preflight();
  return {
    command: "setup",
    tenantId: observed.organization.id,
    clientId,
    applicationObjectId: applied?.applicationObjectId ?? observed.application?.id ?? null,
    servicePrincipalId: applied?.servicePrincipalId ?? observed.servicePrincipal?.id ?? null,
    displayName: prepared.desired.displayName,
    ...(secret ? { secret } : {}),
    permissions: prepared.permissions,
    summary: prepared.summary,
    report: core.report(),
    stats: applied?.stats ?? { requests: 0, roundTrips: 0 },
    outputFile: stringOption(context, "output"),
    ...(checked ? { preflight: preflightDocument(checked) } : {}),
    ...(core.keptCertificate() ? { kept: core.keptCertificate() } : {}),
    ...(certificate && (written || certificate.made.source === "held")
      ? {
          certificate: {
            thumbprint: certificate.made.thumbprint,
            notAfter: certificate.made.notAfter,
            // "held": the admin's own file was reused (nothing written), "made": new files.
            source: certificate.made.source,
            file: certificate.made.source === "held" ? certificate.made.file : null,
            files: written?.files ?? null,
            // The files could not be written: the key pair goes out in the document, once.
            ...(written?.filesError && certificate.made.source === "made"
              ? { filesError: written.filesError, ...inlineCertificate(certificate.made) }
              : {}),
            pfxPassword: certificate.made.generatedPassword ? certificate.made.pfxPassword : null,
            ...(certificate.report ? { verification: certificate.report } : {}),
          },
        }
      : {}),
  };
}

function failureOf(state: WizardState, session: WizardSession): unknown {
  const thrown = session.lastError();
  if (thrown !== undefined) return thrown;
  const error = state.error;
  return error
    ? new CoreError(error.code, error.message, error.field === undefined ? {} : { field: error.field })
    : new Error("The setup stopped before the hand-over.");
}

export async function runSetupYes(context: CommandContext): Promise<number> {
  const { out, values } = context;
  const flags = setupEndFlagsOf(values);
  // --boxafe, default 1.5 (core's DEFAULT_BOXAFE_VERSION_REASON says why).
  const file = stringOption(context, "certificate-file");
  // Read and checked before sign-in: a broken file is exit 2 naming --certificate-file.
  const given =
    file === undefined ? undefined : await readHeldCertificate(context, file, "certificate-file", Date.now());
  const parsed = await withProfile(setupRequestOf(values, Date.now()), values);
  const request = {
    ...parsed,
    // A certificate of your own is one to use: --certificate-file implies --certificate.
    certificate: parsed.certificate || given !== undefined,
    boxafe: flags.boxafe ?? DEFAULT_BOXAFE_VERSION,
  };
  // Output paths are checked before anyone signs in: nothing changes if a file cannot be written.
  await checkOutputFile(stringOption(context, "output"), "setup");
  // Boxafe 1.5 always gets a certificate, whose files go into this folder.
  const certificate = needsCertificate(request);
  if (certificate) await checkOutputFolder(".", [], "certificate", "setup");
  // The certificate the admin holds (the file given, or an earlier run's files here) is reused.
  const held = heldCertificates(context, {
    ...(given ? { given } : {}),
    dir: ".",
    option: "certificate-file",
    command: "setup",
  });
  if (request.appId !== undefined && certificate) await held(request.appId);
  let certificateFiles: WrittenCertificate | undefined;
  const progress = taskProgress(out, {}, (event) => {
    if (event.type === "planned") out.info(planLines(event.summary, out.style).join("\n"));
  });
  const session = createWizardSession(context, sessionRequestOf(values), request, {
    emit: progress.emit,
    ...(context.env.BOXAFE_CLIENT_SECRET ? { knownSecret: context.env.BOXAFE_CLIENT_SECRET } : {}),
    preflight: true,
    certificates: appCertificates(context, held),
    handOver: async ({ clientId, certificate }) => {
      // The private key is on disk before the proof runs (the secret is in memory until the end);
      // a write that fails keeps the key for the hand-over, which then shows it inline.
      if (certificate?.source === "made")
        certificateFiles = await handOverCertificateFiles(".", certificateBaseName(clientId), certificate);
    },
  });
  try {
    const end = await driveSteps(
      {
        handlers: session.handlers,
        answer: answersUpFront({
          ...(request.appId ? { appId: request.appId } : {}),
          displayName: request.displayName ?? DEFAULT_APP_NAME,
          // Boxafe 1.5's certificate is the SharePoint one too (the step reuses it).
          ...(certificate ? { sharepoint: "certificate" as const } : {}),
        }),
      },
      [initialState({ defaultDisplayName: request.displayName ?? DEFAULT_APP_NAME }), []],
    );
    const input = handOverInput(context, session, certificateFiles);
    if (end.phase !== "done") {
      progress.fail();
      const failure = failureOf(end, session);
      // A secret or key pair made before the failure goes out with the error (core's unheld):
      // neither can be read back from the tenant.
      if (!input || session.core().unheld() === undefined) throw failure;
      const rendered = renderError(failure);
      await handOver(context, { ...input, failure: rendered });
      // The values are on stdout (and in the JSON): now the tenant may count them as held. The
      // same outage may refuse that write too: the run's own error stays the one reported.
      await session
        .core()
        .handedOver()
        .catch((error: unknown) =>
          out.warn(
            `The tenant could not record that the new credential was handed over (${renderError(error).message}); it stays marked as not handed over there.`,
          ),
        );
      out.error(rendered.message);
      return rendered.exitCode;
    }
    if (!input) throw new Error("The setup ended without an app.");
    // The EWS step and the real call per workload; failures are reported beside the values.
    const finished = await finishSetup(context, session, flags.ews, flags.confirmEwsChange, flags.mailbox);
    const written = await handOver(context, {
      ...input,
      ...(request.boxafe ? { boxafe: request.boxafe } : {}),
      end: finished,
    });
    // The secret / key is on stdout (and in the JSON): now the tenant may count it as held.
    await session.core().handedOver();
    if (written !== ExitCode.Ok) return written;
    const incomplete =
      // Not run (no credential here) is said in the document and on screen; it is no exit 4.
      (input.report !== undefined && !input.report.complete && input.report.notRun === undefined) ||
      (input.certificate?.verification !== undefined && !input.certificate.verification.complete);
    return incomplete ? ExitCode.VerificationIncomplete : ExitCode.Ok;
  } finally {
    await session.close();
  }
}
