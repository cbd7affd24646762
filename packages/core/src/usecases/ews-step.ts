/**
 * The EWS step of a setup (wizard, `setup --yes --ews allow|print|skip`, the web page): allow runs
 * the ews use case (its second sign-in is the adapter's, in `deps`), print only hands over
 * Microsoft's read-merge-write PowerShell, skip does nothing. The result says whether the final
 * workload proof may call a policy 403 "pending" (the list was written) or must call it "blocked".
 */

import type { EwsMode } from "../exchange/ews-mode.js";
import { ewsPowerShell } from "../exchange/ews-powershell.js";
import type { EwsAllowResult, EwsDeps, EwsTarget } from "./ews.js";
import { ewsAllow } from "./ews.js";

export interface EwsStepResult {
  readonly mode: EwsMode;
  /** Present when mode is allow. */
  readonly allow?: EwsAllowResult;
  readonly powershell: string;
  /** The organization's policy lets the app in now (EWS itself may take up to 24 h). */
  readonly ewsAllowed: boolean;
  /** allow refused to narrow other apps' access without the explicit confirmation. */
  readonly needsConfirmation: boolean;
}

export async function runEwsStep(
  mode: EwsMode,
  target: EwsTarget,
  options: { readonly deps?: EwsDeps; readonly confirmNarrowing: boolean },
): Promise<EwsStepResult> {
  const powershell = ewsPowerShell(target.appId, target.cloud.name, target.adminUpn);
  if (mode !== "allow" || options.deps === undefined) {
    return { mode, powershell, ewsAllowed: false, needsConfirmation: false };
  }
  const allow = await ewsAllow(options.deps, { ...target, confirmNarrowing: options.confirmNarrowing });
  return {
    mode,
    allow,
    powershell,
    ewsAllowed: allow.state === "allowed",
    needsConfirmation: allow.outcome === "needs-confirmation",
  };
}
