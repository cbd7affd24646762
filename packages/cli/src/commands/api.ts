/** `api`: runs the Hono API on Node (packages/api) until Ctrl-C; the API owns its own flags. */
import { runApiCommand } from "@boxafe-connect/api";
import { takeOverInterrupt } from "../cli/interrupt.js";
import type { CommandContext } from "../command-context.js";
import { flag, stringOption } from "../command-context.js";

export async function runApi(context: CommandContext): Promise<number> {
  const argv: string[] = [];
  for (const name of ["port", "host", "cloud", "sandbox", "cors"]) {
    const value = stringOption(context, name);
    if (value !== undefined) argv.push(`--${name}`, value);
  }
  if (flag(context, "json")) argv.push("--json");
  // The API installs its own SIGINT/SIGTERM stop; Ctrl-C here is a clean stop, not a cancel.
  takeOverInterrupt(() => {});
  const api = await runApiCommand(argv);
  return new Promise<number>((resolve) => {
    const stop = () => void api.close().finally(() => resolve(0));
    takeOverInterrupt(stop);
  });
}
