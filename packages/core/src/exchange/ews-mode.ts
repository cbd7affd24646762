/** How a setup treats the EWS allow list: do it (allow), only print the PowerShell (print), or leave it (skip). */
import { CoreError } from "../errors.js";

export type EwsMode = "allow" | "print" | "skip";

export const ewsModes: readonly EwsMode[] = ["allow", "print", "skip"];

/** Default for a setup: print, because writing the allow list needs a second sign-in to Exchange Online. */
export const DEFAULT_EWS_MODE: EwsMode = "print";

export function parseEwsMode(value: string | undefined, field = "ews"): EwsMode {
  if (value === undefined) return DEFAULT_EWS_MODE;
  const mode = value.trim().toLowerCase();
  if ((ewsModes as readonly string[]).includes(mode)) return mode as EwsMode;
  throw new CoreError("invalid_input", `--${field} takes allow, print or skip (got "${value}").`, { field });
}
