/**
 * Output paths are checked before sign-in, so a command never changes the tenant and then finds it
 * cannot write its file: an existing file (never overwritten: it may hold the secret Boxafe uses), a
 * directory, a symbolic link (it could point anywhere), or a folder we cannot write into is exit 2
 * naming the option, and nothing is written anywhere.
 */
import { constants } from "node:fs";
import { access, lstat, stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { UsageError } from "../cli/usage-error.js";

async function existing(path: string) {
  try {
    return await lstat(path);
  } catch (error) {
    if ((error as { code?: unknown }).code === "ENOENT") return undefined;
    throw error;
  }
}

/** The nearest folder that exists on the way to `dir` (mkdir -p creates the rest). */
async function nearestFolder(dir: string): Promise<string> {
  let current = resolve(dir);
  for (;;) {
    const found = await existing(current);
    if (found !== undefined) return current;
    const parent = dirname(current);
    if (parent === current) return current;
    current = parent;
  }
}

async function writableFolder(dir: string, option: string, command: string | undefined): Promise<void> {
  const folder = await nearestFolder(dir);
  const info = await stat(folder).catch(() => undefined);
  if (info === undefined || !info.isDirectory()) {
    throw new UsageError(`--${option}: ${folder} is not a folder.`, command);
  }
  try {
    await access(folder, constants.W_OK | constants.X_OK);
  } catch {
    throw new UsageError(`--${option}: the folder ${folder} is not writable.`, command);
  }
}

/** A new file to create at `path` (refused when anything is already there). */
export async function checkNewFile(path: string, option: string, command?: string): Promise<void> {
  const found = await existing(path);
  if (found?.isSymbolicLink())
    throw new UsageError(`--${option}: ${path} is a symbolic link; give a new file name.`, command);
  if (found?.isDirectory())
    throw new UsageError(`--${option}: ${path} is a folder; give a file name.`, command);
  if (found !== undefined) {
    throw new UsageError(
      `--${option}: ${path} already exists and is never overwritten (it may hold the secret Boxafe uses). Give a new file name.`,
      command,
    );
  }
  await writableFolder(dirname(resolve(path)), option, command);
}

/** A folder to write new files into (created when missing): each named file must not exist yet. */
export async function checkOutputFolder(
  dir: string,
  names: readonly string[],
  option: string,
  command?: string,
): Promise<void> {
  const found = await existing(dir);
  if (found?.isSymbolicLink())
    throw new UsageError(`--${option}: ${dir} is a symbolic link; give a folder.`, command);
  if (found !== undefined && !found.isDirectory())
    throw new UsageError(`--${option}: ${dir} is not a folder.`, command);
  await writableFolder(dir, option, command);
  for (const name of names) await checkNewFile(resolve(dir, name), option, command);
}

/** -o/--output given empty (`-o ''`): exit 2 naming it, before sign-in (never a file named ""). */
export function refuseEmptyOutput(path: string | undefined, command: string): void {
  if (path !== undefined && path.trim() === "")
    throw new UsageError(
      "-o/--output is empty: give a new file name for the values, or leave the option out.",
      command,
    );
}

/** -o/--output: refused when empty, else checked as a new file; undefined when not given. */
export async function checkOutputFile(
  path: string | undefined,
  command: string,
): Promise<string | undefined> {
  refuseEmptyOutput(path, command);
  if (path !== undefined) await checkNewFile(path, "output", command);
  return path;
}
