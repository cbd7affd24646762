/**
 * hand-over: the three values for Boxafe's "Add new Domain" window, the "shown only now" warning,
 * an offer to write them to a 0600 file, and the advisories with the admin's next action.
 */
import type { WizardEvent, WizardState } from "@boxafe-connect/core";
import { advisoryNotes, keptCertificateWords, userEvents } from "@boxafe-connect/core";
import { handOverLines, handOverValues, shownOnlyNowWarning, writeHandOverFile } from "../files/hand-over.js";
import type { Output } from "../output.js";
import { advisoryLines } from "../render/advisories-view.js";
import { unwrap } from "../wizard/prompts.js";
import type { WizardSession } from "../wizard/setup-session.js";
import type { Ui } from "./ui.js";

export async function showHandOver(
  ui: Ui,
  state: WizardState,
  session: WizardSession,
  out: Output,
  outputFile: string | undefined,
): Promise<void> {
  const h = state.handOver;
  if (!h) return;
  const secret = session.newSecret();
  const kept = session.core().keptCertificate();
  const values = handOverValues(h.tenantId, h.clientId, secret);
  ui.note(handOverLines(values, out.style).join("\n"), 'Values for Boxafe\'s "Add new Domain" window');
  if (secret) ui.log.warn(shownOnlyNowWarning);
  else if (h.secretLost)
    ui.log.warn(
      "The secret made before the interruption cannot be shown again: run 'boxafe-connect secret rotate' for a new one.",
    );
  // The app's certificate from an earlier run is kept: no secret, and nothing new for Boxafe.
  else if (kept) ui.log.info(keptCertificateWords(kept, h.clientId).handOver);
  else if (session.core().boxafeCertificate())
    // Boxafe 1.5 takes the certificate shown next; there is no secret, old or new, to speak of.
    ui.log.info("No client secret: Boxafe takes the certificate below instead.");
  else
    ui.log.info(
      "No new secret was made: the app's existing secret stays valid. 'secret rotate' makes a new one.",
    );
  if (secret) {
    const save = await unwrap(
      await ui.confirm({
        message: "Also write these values to a file (readable only by you)?",
        initialValue: false,
      }),
    );
    if (save) {
      const path = await unwrap(
        await ui.text({
          message: "File name",
          initialValue: outputFile ?? `boxafe-${h.clientId.slice(0, 8)}.txt`,
          validate: (v) => ((v ?? "").trim() === "" ? "Enter a file name." : undefined),
        }),
      );
      try {
        await writeHandOverFile(path.trim(), values);
        ui.log.success(`Wrote ${path.trim()} (mode 0600).`);
      } catch (error) {
        ui.log.error(
          `Could not write ${path.trim()}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }
  const advice = advisoryLines(advisoryNotes(session.permissions(), h.clientId), out.style);
  if (advice.length > 0) ui.note(advice.slice(1).join("\n"), "Next steps for you");
}

export async function askHandOver(ui: Ui, state: WizardState, session: WizardSession): Promise<WizardEvent> {
  const events = userEvents(state);
  if (events.includes("secret.shown")) {
    for (;;) {
      const copied = await unwrap(
        await ui.confirm({ message: "Have you copied the client secret?", initialValue: true }),
      );
      if (copied) {
        // Only now is the secret in the admin's hands: the tenant stops counting it unheld.
        await session.handedOver();
        return { type: "secret.shown" };
      }
      ui.log.warn("It cannot be shown again after this step. Copy it now (or write it to a file above).");
    }
  }
  // No secret to copy (a certificate, or nothing new): what was shown is handed over.
  await session.handedOver();
  if (events.includes("sharepoint.start")) {
    const next = await unwrap(
      await ui.select<"finish" | "certificate" | "appinv">({
        message: "Add SharePoint access now?",
        options: [
          { value: "finish", label: "No, finish", hint: "'boxafe-connect sharepoint' adds it later" },
          {
            value: "certificate",
            label: "Add a certificate for SharePoint",
            hint: "Boxafe 1.5 and later back up SharePoint with it",
          },
          { value: "appinv", label: "Show the legacy appinv.aspx values", hint: "retired by Microsoft" },
        ],
        initialValue: "finish",
      }),
    );
    return next === "finish" ? { type: "finish" } : { type: "sharepoint.start", mode: next };
  }
  return { type: "finish" };
}
