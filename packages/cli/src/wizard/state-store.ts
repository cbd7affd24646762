/**
 * `setup --resume`: the wizard state (secret-free by core's schema) plus the non-secret flags of
 * the run, saved after every step in a 0600 file.
 */
import { rm } from "node:fs/promises";
import { join } from "node:path";
import type { WizardState } from "@boxafe-connect/core";
import { parseState, serializeState } from "@boxafe-connect/core";
import type { OptionValue } from "../cli/option-spec.js";
import { UsageError } from "../cli/usage-error.js";
import type { CommandContext } from "../command-context.js";
import { stringOption } from "../command-context.js";
import { configDir, readTextIfExists, writePrivateFile } from "../files/private-file.js";

/** Flags worth replaying on resume; never anything secret (none of these can hold one). */
const kept = [
  "tenant",
  "cloud",
  "sandbox",
  "auth",
  "client-id",
  "as",
  "secret-days",
  "secret-end",
  "secret-name",
  "profile",
  "skip-retired",
  "remove-extra",
  // The Boxafe version and the EWS choice: --resume asks neither again.
  "boxafe",
  "ews",
  "mailbox",
];

export interface SavedRun {
  readonly savedAt: string;
  readonly flags: Readonly<Record<string, OptionValue>>;
  readonly state: WizardState;
}

export function stateFileOf(context: CommandContext): string {
  return stringOption(context, "state-file") ?? join(configDir(context.env), "setup-state.json");
}

export async function saveRun(path: string, context: CommandContext, state: WizardState): Promise<void> {
  const flags = Object.fromEntries(
    kept.filter((k) => context.values[k] !== undefined).map((k) => [k, context.values[k]]),
  );
  const text = JSON.stringify(
    { savedAt: new Date().toISOString(), flags, state: JSON.parse(serializeState(state)) },
    null,
    2,
  );
  if (context.out.redactor.redact(text) !== text)
    throw new Error("Refusing to save a setup state that holds a secret.");
  await writePrivateFile(path, `${text}\n`, { overwrite: true });
}

export async function loadRun(path: string): Promise<SavedRun> {
  const text = await readTextIfExists(path);
  if (text === undefined)
    throw new UsageError(
      `No saved setup to resume at ${path}. Start one with 'boxafe-connect setup'.`,
      "setup",
    );
  let json: { savedAt?: unknown; flags?: unknown; state?: unknown };
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    throw new UsageError(`${path} is not a saved setup (not JSON). Delete it and run setup again.`, "setup");
  }
  const parsed = parseState(json.state);
  if (!parsed.ok)
    throw new UsageError(`${path} holds no usable setup state. Delete it and run setup again.`, "setup");
  const flags =
    typeof json.flags === "object" && json.flags !== null ? (json.flags as Record<string, OptionValue>) : {};
  return { savedAt: String(json.savedAt ?? ""), flags, state: parsed.state };
}

export async function forgetRun(path: string): Promise<void> {
  await rm(path, { force: true });
}
