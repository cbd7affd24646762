/** Files that may hold secrets or tenant details: written with mode 0600 in a 0700 directory. */
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join } from "node:path";

export async function writePrivateFile(
  path: string,
  text: string,
  options: { overwrite: boolean },
): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFile(path, text, { mode: 0o600, flag: options.overwrite ? "w" : "wx" });
  // An existing file keeps its old mode on "w"; tighten it either way.
  await chmod(path, 0o600);
}

export async function readTextIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as { code?: unknown }).code === "ENOENT") return undefined;
    throw error;
  }
}

/** ~/.config/boxafe-connect (or $XDG_CONFIG_HOME/boxafe-connect). */
export function configDir(env: Readonly<Record<string, string | undefined>>): string {
  const base =
    env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME !== "" ? env.XDG_CONFIG_HOME : join(homedir(), ".config");
  return join(base, "boxafe-connect");
}
