/**
 * `boxafe-connect permissions`: the catalog of a profile (Table 1 by default), as the portal groups
 * it, or as JSON. Needs no sign-in.
 */
import { boxafeProfile, permissionsView } from "@boxafe-connect/core";
import type { CommandContext } from "../command-context.js";
import { flag, stringOption } from "../command-context.js";
import { renderPermissionsTable } from "../render/permissions-table.js";
import { loadProfile } from "../session/load-profile.js";

export interface PermissionsOptions {
  readonly json: boolean;
  readonly profileFile?: string;
  readonly skipRetired?: boolean;
  /** ANSI colour in the table; never in JSON. */
  readonly color?: boolean;
}

export interface PermissionsIo {
  readonly stdout: (text: string) => void;
  readonly readFile: (path: string) => Promise<string>;
}

export async function permissionsCommand(options: PermissionsOptions, io: PermissionsIo): Promise<number> {
  const profile =
    options.profileFile === undefined ? boxafeProfile : await loadProfile(options.profileFile, io.readFile);
  const view = permissionsView(profile, { skipRetired: options.skipRetired === true });
  io.stdout(
    options.json
      ? `${JSON.stringify(view, null, 2)}\n`
      : renderPermissionsTable(view, { color: options.color === true }),
  );
  return 0;
}

/** The CLI framework's entry point (main.ts loads this lazily). */
export async function runPermissions(context: CommandContext): Promise<number> {
  const { readFile } = await import("node:fs/promises");
  const profileFile = stringOption(context, "profile");
  return permissionsCommand(
    {
      json: context.out.json,
      ...(profileFile === undefined ? {} : { profileFile }),
      skipRetired: flag(context, "skip-retired"),
      color: context.out.rich,
    },
    { stdout: (text) => process.stdout.write(text), readFile: (path) => readFile(path, "utf8") },
  );
}
