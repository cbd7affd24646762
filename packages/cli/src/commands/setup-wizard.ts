/** Placeholder until the step machine lands: the wizard falls back to the --yes flow. */
import type { CommandContext } from "../command-context.js";

export async function runSetupWizard(context: CommandContext): Promise<number> {
  return (await import("./setup-yes.js")).runSetupYes(context);
}
