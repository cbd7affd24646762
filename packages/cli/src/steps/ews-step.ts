/**
 * The wizard's EWS step: allow (a second sign-in for Exchange Online, then core's read-merge-write),
 * print the PowerShell only, or skip. A change that blocks other apps is asked about on its own.
 */
import type { EwsMode, EwsStepResult } from "@boxafe-connect/core";
import { runEwsStep } from "@boxafe-connect/core";
import { ewsChangeLines, powerShellLines } from "../render/ews-view.js";
import type { EwsSession } from "../session/ews-session.js";
import type { Style } from "../style.js";
import { unwrap } from "../wizard/prompts.js";
import type { Ui } from "./ui.js";

export async function askEwsMode(ui: Ui): Promise<EwsMode> {
  ui.note(
    "Since 2026-10-01 Exchange Online lets only the apps on the organization's EWS allow list use EWS,\nwhich Boxafe backs up mail, calendars and contacts with. EWS shuts down on 2027-04-01.",
    "Exchange Web Services",
  );
  return unwrap(
    await ui.select<EwsMode>({
      message: "Put Boxafe on the EWS allow list?",
      initialValue: "allow",
      options: [
        {
          value: "allow",
          label: "Yes, do it now",
          hint: "signs in to Exchange Online as an Exchange or Global Administrator",
        },
        { value: "print", label: "Show me the PowerShell", hint: "I will run it myself" },
        { value: "skip", label: "Skip", hint: "mail backup stays blocked" },
      ],
    }),
  );
}

export async function runWizardEwsStep(
  ui: Ui,
  style: Style,
  mode: EwsMode,
  open: () => Promise<EwsSession>,
  target: Parameters<typeof runEwsStep>[1],
): Promise<EwsStepResult> {
  if (mode !== "allow") {
    const printed = await runEwsStep(mode, target, { confirmNarrowing: false });
    if (mode === "print") ui.note(powerShellLines(printed.powershell, style).join("\n"), "EWS allow list");
    return printed;
  }
  const ews = await open();
  const spin = ui.spinner();
  spin.start("Reading and writing the EWS allow list");
  let result = await runEwsStep("allow", ews.target, { deps: ews.deps, confirmNarrowing: false });
  spin.stop(result.needsConfirmation ? "The change needs your confirmation" : "EWS allow list done");
  if (result.needsConfirmation && result.allow) {
    ui.note(ewsChangeLines(result.allow, style).join("\n"), "What changes");
    const yes = await unwrap(
      await ui.confirm({
        message: "Block every other EWS app in this tenant and allow only Boxafe?",
        initialValue: false,
      }),
    );
    if (yes) result = await runEwsStep("allow", ews.target, { deps: ews.deps, confirmNarrowing: true });
  }
  if (result.allow) ui.note(ewsChangeLines(result.allow, style).join("\n"), "EWS allow list");
  ui.log.info(powerShellLines(result.powershell, style).join("\n"));
  return result;
}
