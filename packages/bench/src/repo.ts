/** Paths in the repository, from this file's location (packages/bench/src). */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

export function repoPath(...parts: string[]): string {
  return path.join(repoRoot, ...parts);
}

export function exists(relative: string): boolean {
  return existsSync(repoPath(relative));
}
