/**
 * `setup --resume`: the wizard state (secret-free by core's schema) plus the non-secret flags of
 * the run, saved after every step in a 0600 file.
 */
import { lstat, rm } from "node:fs/promises";
import { join } from "node:path";
import type { WizardState } from "@boxafe-connect/core";
import { credentialIn, parseSavedSetup, serializeSavedSetup } from "@boxafe-connect/core";
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
  ) as Record<string, OptionValue>;
  const text = serializeSavedSetup({ savedAt: new Date().toISOString(), flags, state });
  // The state has no place for a secret; a known one (redactor) or one of a credential's shapes
  // in a name is refused here too, so the file never holds one.
  if (context.out.redactor.redact(text) !== text || credentialIn(text) !== undefined)
    throw new Error("Refusing to save a setup state that holds a secret.");
  await writePrivateFile(path, text, { overwrite: true });
}

/**
 * Reads a saved run; a missing, corrupt, wrongly shaped or credential-bearing file is a usage
 * error (exit 2) naming the file and the reason, before anything signs in or writes.
 */
export async function loadRun(path: string): Promise<SavedRun> {
  await checkStateFile(path);
  const text = await readTextIfExists(path);
  if (text === undefined)
    throw new UsageError(
      `No saved setup to resume at ${path}. Start one with 'boxafe-connect setup'.`,
      "setup",
    );
  const parsed = parseSavedSetup(text);
  if (!parsed.ok)
    throw new UsageError(
      `Cannot resume from ${path}: ${parsed.reason}. Nothing was changed; delete the file and run 'boxafe-connect setup' again.`,
      "setup",
    );
  return parsed.saved;
}

export async function forgetRun(path: string): Promise<void> {
  await rm(path, { force: true });
}

/**
 * The state file is rewritten after every step and deleted at the end, so it must be ours: a
 * symbolic link (the write would go to its target), a folder, or a file that is not a saved setup
 * (a typo'd --state-file naming the admin's notes) is refused before anything signs in or writes.
 * A saved setup of an earlier run may be replaced: a new setup starts over.
 */
export async function checkStateFile(path: string): Promise<void> {
  const found = await lstat(path).catch((error: unknown) => {
    if ((error as { code?: unknown }).code === "ENOENT") return undefined;
    throw error;
  });
  if (found === undefined) return;
  const refuse = (why: string) =>
    new UsageError(`--state-file: ${path} ${why}; give a new file name (or none, for the default).`, "setup");
  if (found.isSymbolicLink()) throw refuse("is a symbolic link, which the state would be written through");
  if (!found.isFile()) throw refuse("is not a file");
}

/**
 * Before a new guided setup. A --state-file the admin named may only be a saved setup, never
 * anything else it would replace; the default file in our config folder is ours to replace.
 */
export async function checkNewStateFile(context: CommandContext): Promise<void> {
  const path = stateFileOf(context);
  await checkStateFile(path);
  if (stringOption(context, "state-file") === undefined) return;
  const text = await readTextIfExists(path);
  if (text !== undefined && !parseSavedSetup(text).ok)
    throw new UsageError(
      `--state-file: ${path} exists and is not a saved setup; it is never overwritten. Give a new file name.`,
      "setup",
    );
}
