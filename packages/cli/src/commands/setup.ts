/** `setup`: the guided wizard on a terminal, or `--yes` for no questions. */

import { resumeDecision } from "@boxafe-connect/core";
import { UsageError } from "../cli/usage-error.js";
import type { CommandContext } from "../command-context.js";
import { flag, stringOption } from "../command-context.js";
import { refuseEmptyOutput } from "../files/output-path.js";
import { ExitCode } from "../render-error.js";
import { sessionRequestOf } from "../requests/session-request.js";
import { setupRequestOf } from "../requests/setup-request.js";
import { checkNewStateFile, forgetRun, loadRun, stateFileOf } from "../wizard/state-store.js";

export async function runSetup(context: CommandContext): Promise<number> {
  // -o '' is a mistake in either mode: exit 2 before a saved run is read or anyone signs in.
  refuseEmptyOutput(stringOption(context, "output"), "setup");
  // A saved run is checked first: a missing, corrupt or credential-bearing file is exit 2, in any mode.
  const saved = flag(context, "resume") ? await loadRun(stateFileOf(context)) : undefined;
  if (flag(context, "yes")) {
    if (saved)
      throw new UsageError(
        "--resume continues the guided setup; with --yes, run 'setup --yes' again instead (it converges).",
        "setup",
      );
    return (await import("./setup-yes.js")).runSetupYes(context);
  }
  // Core decides: a finished run that died before deleting its file leaves nothing to resume (no terminal needed).
  if (saved && resumeDecision(saved.state).type === "nothing-to-resume") {
    await forgetRun(stateFileOf(context));
    context.out.result({ resumed: false, reason: "finished", next: "check" });
    context.out.print(
      `Nothing to resume: the setup saved at ${saved.savedAt} had finished. Run 'boxafe-connect check' to see the app.`,
    );
    return ExitCode.Ok;
  }
  if (!context.interactive) {
    // A bad value is named first (found by QA: "--tenant contoso" without a terminal only heard
    // "needs a terminal", then, with --yes added, that the tenant was wrong).
    sessionRequestOf(context.values);
    setupRequestOf(context.values, Date.now());
    throw new UsageError(
      "The guided setup needs a terminal. Add --yes to run it without questions (e.g. in scripts or with --json).",
      "setup",
    );
  }
  // The wizard rewrites and finally deletes its state file: it must not be anyone else's file.
  if (!saved) await checkNewStateFile(context);
  return (await import("./setup-wizard.js")).runSetupWizard(context, saved);
}
