/**
 * The guided setup: renders core's step machine with clack. The loop is core's: show the state,
 * turn the answer into an event, transition, run the effects, feed their events back. State is
 * saved (without secrets) after every step, so `setup --resume` continues after Ctrl-C.
 */
import type { Effect, SetupRequest, WizardEvent, WizardState, WorkloadResult } from "@boxafe-connect/core";
import {
  DEFAULT_APP_NAME,
  driveSteps,
  initialState,
  keptCertificateWords,
  proofNotRun,
  resumeState,
} from "@boxafe-connect/core";
import { CancelledError } from "../cli/usage-error.js";
import type { CommandContext } from "../command-context.js";
import { stringOption } from "../command-context.js";
import type { CertificateFiles } from "../files/certificate-files.js";
import {
  certificateBaseName,
  handOverCertificateFiles,
  inlineCertificate,
  inlineCertificateLines,
} from "../files/certificate-files.js";
import { heldCertificates } from "../files/held-certificate.js";
import { KEPT_NOT_RUN, keptCertificateLines } from "../render/kept-certificate.js";
import { readinessLines } from "../render/readiness-view.js";
import { ExitCode } from "../render-error.js";
import { sessionRequestOf } from "../requests/session-request.js";
import { type SetupEndFlags, setupEndFlagsOf } from "../requests/setup-end-request.js";
import { setupRequestOf, withProfile } from "../requests/setup-request.js";
import { appCertificates } from "../session/certificate-maker.js";
import { ewsOpener, proveSetup } from "../session/setup-end.js";
import { askBoxafeVersion, boxafeCertificateLines } from "../steps/boxafe-version.js";
import { askChooseApp } from "../steps/choose-app.js";
import { promptRenderer, runEffectShown } from "../steps/effect-progress.js";
import { askError } from "../steps/error.js";
import { askEwsMode, runWizardEwsStep } from "../steps/ews-step.js";
import { askHandOver, showHandOver } from "../steps/hand-over.js";
import { railLine } from "../steps/rail.js";
import { askReview } from "../steps/review.js";
import { askSharePoint } from "../steps/sharepoint.js";
import type { Ui } from "../steps/ui.js";
import { showUnheld } from "../steps/unheld.js";
import { askVerifyIncomplete } from "../steps/verify-incomplete.js";
import type { WizardSession } from "../wizard/setup-session.js";
import { createWizardSession } from "../wizard/setup-session.js";
import type { SavedRun } from "../wizard/state-store.js";
import { forgetRun, saveRun, stateFileOf } from "../wizard/state-store.js";

/** The wizard's answer to a state that waits for a person: a prompt per phase. */
export function promptAnswers(
  ui: Ui,
  session: WizardSession,
  context: CommandContext,
  request: SetupRequest,
  files: () => CertificateFiles | undefined,
) {
  const shown = new Set<string>();
  return async (state: WizardState): Promise<WizardEvent | undefined> => {
    if (state.rejected) ui.log.warn(state.rejected.reason);
    switch (state.phase) {
      case "start":
        return { type: "sign-in.start" };
      case "choose-app":
        return askChooseApp(ui, state, session, request);
      case "review":
        ui.note(railLine(state, request.boxafe), "Progress");
        return askReview(ui, state, session.planActions(), context.out.style);
      case "verify-incomplete":
        return askVerifyIncomplete(ui, state);
      case "hand-over":
        if (!shown.has("hand-over")) {
          shown.add("hand-over");
          await showHandOver(ui, state, session, context.out, stringOption(context, "output"));
          // Boxafe 1.5 takes the certificate: show it (and its PFX password) with the IDs, before it counts as handed over.
          const made = session.core().boxafeCertificate();
          if (made)
            ui.note(boxafeCertificateLines(made, files()).join("\n"), "Certificate for Boxafe 1.5 or later");
          const kept = session.core().keptCertificate();
          if (kept)
            ui.note(
              keptCertificateLines(kept, state.handOver?.clientId ?? "").join("\n"),
              "Certificate for Boxafe 1.5 or later",
            );
        }
        return askHandOver(ui, state, session);
      case "sharepoint":
        return askSharePoint(ui, state, session, files(), context.out.style);
      case "error":
        showUnheld(ui, session, context.out, files(), shown);
        return askError(ui, state);
      default:
        return undefined;
    }
  };
}

export async function runSetupWizard(context: CommandContext, saved?: SavedRun): Promise<number> {
  const ui: Ui = await import("@clack/prompts");
  const path = stateFileOf(context);
  let ctx = context;
  let start: [WizardState, Effect[]] | undefined;
  ui.intro("boxafe-connect: connect Microsoft 365 to QNAP Boxafe");
  if (saved) {
    ctx = { ...context, values: { ...saved.flags, ...context.values } };
    start = resumeState(saved.state);
    ui.log.info(`Resuming the setup saved at ${saved.savedAt}; signing in again first.`);
  }
  const flags = setupEndFlagsOf(ctx.values);
  // Which Boxafe: asked unless --boxafe says (kept in the saved flags, so --resume asks no more).
  const boxafe = flags.boxafe ?? (await askBoxafeVersion(ui));
  ctx = { ...ctx, values: { ...ctx.values, boxafe } };
  const request = { ...(await withProfile(setupRequestOf(ctx.values, Date.now()), ctx.values)), boxafe };
  let state: WizardState =
    start?.[0] ?? initialState({ defaultDisplayName: request.displayName ?? DEFAULT_APP_NAME });
  let files: CertificateFiles | undefined;
  let end: WorkloadResult | undefined;
  // Notes (e.g. "using the built-in sandbox") go into the wizard's flow instead of raw stderr.
  const io = { ...ctx, out: { ...ctx.out, info: (text: string) => ui.log.info(text) } };
  const session = createWizardSession(io, sessionRequestOf(ctx.values), request, {
    quiet: true,
    onPrompt: promptRenderer(ui),
    // The tenant's rules after the read: a failing rule stops before the review (as with --yes).
    preflight: true,
    // An earlier run's certificate files for this app in this folder are reused, never doubled.
    certificates: appCertificates(
      io,
      heldCertificates(io, { dir: ".", option: "certificate-file", command: "setup" }),
    ),
    handOver: async ({ clientId, certificate }) => {
      if (certificate?.source !== "made") return;
      const written = await handOverCertificateFiles(".", certificateBaseName(clientId), certificate);
      if (written.files) {
        files = written.files;
        return;
      }
      // No files (a full disk, another run's): the key is on the app, so it is shown now, before the proof.
      const { pem } = inlineCertificate(certificate);
      ctx.out.redactor.handOver(pem);
      ui.note(inlineCertificateLines(pem, written.filesError).join("\n"), "Certificate key: save it now");
    },
  });
  try {
    state = await driveSteps(
      {
        handlers: session.handlers,
        answer: promptAnswers(ui, session, ctx, request, () => files),
        run: (effect, current, feed) => runEffectShown(ui, session, current, effect, feed),
        onState: async (current) => {
          state = current;
          await saveRun(path, ctx, current);
        },
      },
      start ?? [state, []],
    );
    if (state.phase === "done") end = await wizardEnd(ui, ctx, session, flags);
  } catch (error) {
    if (error instanceof CancelledError) {
      await saveRun(path, ctx, state).catch(() => {});
      ui.cancel("Cancelled. Nothing more was changed; 'boxafe-connect setup --resume' continues from here.");
      return ExitCode.Cancelled;
    }
    throw error;
  } finally {
    await session.close();
  }
  if (state.phase === "cancelled") {
    ui.cancel("Stopped. 'boxafe-connect setup --resume' continues from here.");
    return ExitCode.Cancelled;
  }
  await forgetRun(path);
  // Not run (a kept certificate, its key elsewhere) is not a failure, and never reads as "works".
  const kept = session.core().keptCertificate();
  const notRun = state.verification?.notRun;
  const incomplete = state.verification !== undefined && !state.verification.complete && notRun === undefined;
  // The honest end: core's headline, never "can back up this tenant" while a workload is blocked.
  ui.outro(
    incomplete
      ? "Done, but verification is incomplete: run 'boxafe-connect check' later."
      : notRun === "certificate-held-elsewhere"
        ? kept
          ? keptCertificateWords(kept, state.handOver?.clientId ?? "").end
          : `Done. Proof ${KEPT_NOT_RUN}.`
        : notRun === "secret-held-elsewhere"
          ? `Done. The app keeps its secret from an earlier run; proof ${proofNotRun(notRun).message}. Prove it where the secret is: boxafe-connect verify --client-secret-stdin.`
          : (end?.readiness.headline ?? "Done. Prove each workload with 'boxafe-connect verify'."),
  );
  return incomplete ? ExitCode.VerificationIncomplete : ExitCode.Ok;
}

/** After the machine: the EWS step (asked unless --ews), then a real call per workload as the app. */
async function wizardEnd(
  ui: Ui,
  context: CommandContext,
  session: WizardSession,
  flags: SetupEndFlags,
): Promise<WorkloadResult | undefined> {
  const open = ewsOpener(context, session);
  const prepared = session.core().prepared();
  const clientId = session.core().applied()?.clientId ?? prepared?.observed.application?.appId;
  const target = session.target();
  let ewsAllowed = false;
  if (open && prepared && clientId && target) {
    const mode = flags.ewsGiven ?? (await askEwsMode(ui));
    const result = await runWizardEwsStep(ui, context.out.style, mode, open, {
      tenantId: prepared.observed.organization.id,
      initialDomain: prepared.observed.organization.initialDomain,
      cloud: target.endpoints,
      appId: clientId,
    }).catch((error: unknown) => {
      ui.log.warn(`The EWS step failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    });
    ewsAllowed = result?.ewsAllowed ?? false;
  }
  // A kept certificate's key is not here: nothing to prove with (never "could not run", never "works").
  if (session.core().keptCertificate()) {
    ui.log.info(`Workload proof ${KEPT_NOT_RUN}.`);
    return undefined;
  }
  const spin = ui.spinner();
  spin.start("Proving each workload with a real call as the app");
  const proof = await proveSetup(session, ewsAllowed, flags.mailbox).catch(() => undefined);
  spin.stop(proof ? "Each workload answered" : "The workload proof could not run");
  if (proof)
    ui.note(readinessLines(proof.readiness, context.out.style).join("\n"), "What Boxafe can back up now");
  return proof;
}
