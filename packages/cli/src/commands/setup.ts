/** `setup`: the guided wizard on a terminal, or `--yes` for no questions. */
import { UsageError } from "../cli/usage-error.js";
import type { CommandContext } from "../command-context.js";
import { flag } from "../command-context.js";

export async function runSetup(context: CommandContext): Promise<number> {
  if (flag(context, "yes")) return (await import("./setup-yes.js")).runSetupYes(context);
  if (!context.interactive) {
    throw new UsageError(
      "The guided setup needs a terminal. Add --yes to run it without questions (e.g. in scripts or with --json).",
      "setup",
    );
  }
  return (await import("./setup-wizard.js")).runSetupWizard(context);
}
