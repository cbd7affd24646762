/**
 * Files come last: the new secret or private key is already on stdout and in the JSON document when
 * a file is written, so a failed write loses nothing. It is reported with exit code 6
 * (FileNotWritten: the tenant changed, the credential was shown, the file is missing), and the
 * message says where the credential is.
 */
import type { Output } from "../output.js";
import { ExitCode } from "../render-error.js";

export async function writeAfterHandOver(
  out: Output,
  what: string,
  write: () => Promise<void>,
): Promise<typeof ExitCode.Ok | typeof ExitCode.FileNotWritten> {
  try {
    await write();
    return ExitCode.Ok;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    out.error(
      `Could not write ${what} (${reason}). The tenant already has the new credential and it was shown above${out.json ? " (in the JSON document)" : ""}: copy it from there now; nothing was lost.`,
    );
    return ExitCode.FileNotWritten;
  }
}
