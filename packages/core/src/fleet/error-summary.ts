/** A failure as a fleet row shows it: the typed code and its message (never a stack, never a secret). */
import { isCoreError } from "../errors.js";

export function errorSummary(error: unknown): { readonly code: string; readonly message: string } {
  if (isCoreError(error)) return { code: error.code, message: error.message };
  return { code: "internal_error", message: error instanceof Error ? error.message : String(error) };
}
