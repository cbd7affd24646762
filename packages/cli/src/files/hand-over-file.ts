/**
 * The -o/--output file of a hand-over, written synchronously just before the JSON document so the
 * document says what happened to it: `handOverFile` is the path only when the file was written,
 * else null with `handOverFileError` (path and reason). The write cannot throw: the values still go
 * out on stdout and in the JSON, and a failed write ends the run with exit 6 (FileNotWritten).
 */
import { chmodSync, mkdirSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Output } from "../output.js";
import { ExitCode } from "../render-error.js";
import { type HandOverValues, handOverFileText } from "./hand-over.js";

export interface HandOverFileResult {
  /** The file written (mode 0600), or null when none was asked for or the write failed. */
  readonly handOverFile: string | null;
  readonly handOverFileError?: { readonly path: string; readonly reason: string };
}

export function writeHandOverFileNow(path: string | undefined, values: HandOverValues): HandOverFileResult {
  if (path === undefined) return { handOverFile: null };
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    // "wx": never over an existing file (the path was checked before sign-in; this closes the race).
    writeFileSync(path, handOverFileText(values), { mode: 0o600, flag: "wx" });
    chmodSync(path, 0o600);
    return { handOverFile: path };
  } catch (error) {
    // A write that failed after "wx" created the file (a full disk) leaves it empty or cut: remove
    // it, or the re-run's -o with the same name is refused as "already exists". Never another's file.
    if ((error as { code?: unknown }).code !== "EEXIST") {
      try {
        unlinkSync(path);
      } catch {
        // Never created (the folder could not be made): nothing to remove.
      }
    }
    const reason = error instanceof Error ? error.message : String(error);
    return { handOverFile: null, handOverFileError: { path, reason } };
  }
}

/** After the values were shown: the file's outcome on stderr, and its exit code. */
export function reportHandOverFile(
  out: Output,
  result: HandOverFileResult,
): typeof ExitCode.Ok | typeof ExitCode.FileNotWritten {
  const failed = result.handOverFileError;
  if (failed) {
    out.error(
      `Could not write ${failed.path} (${failed.reason}). The tenant already has the new credential and it was shown above${out.json ? " (in the JSON document)" : ""}: copy it from there now; nothing was lost.`,
    );
    return ExitCode.FileNotWritten;
  }
  if (result.handOverFile !== null) out.info(`Wrote the values to ${result.handOverFile} (mode 0600).`);
  return ExitCode.Ok;
}
