/**
 * error: a credential this run made (core's unheld: a new secret, a key pair with its PFX password)
 * is shown before the choices, once: "Stop here" or a crash after a failed step must not lose it,
 * and neither can be read back from the tenant.
 */
import type { CertificateFiles } from "../files/certificate-files.js";
import { handOverLines, handOverValues, shownOnlyNowWarning } from "../files/hand-over.js";
import type { Output } from "../output.js";
import type { WizardSession } from "../wizard/setup-session.js";
import { boxafeCertificateLines } from "./boxafe-version.js";
import type { Ui } from "./ui.js";

export function showUnheld(
  ui: Ui,
  session: WizardSession,
  out: Output,
  files: CertificateFiles | undefined,
  shown: Set<string>,
): void {
  const unheld = session.core().unheld();
  const applied = session.core().applied();
  if (!unheld || !applied || shown.has("unheld")) return;
  shown.add("unheld");
  if (unheld.secret) {
    const values = handOverValues(applied.tenantId, applied.clientId, unheld.secret);
    ui.note(handOverLines(values, out.style).join("\n"), "Made before the failure: the new secret");
    ui.log.warn(shownOnlyNowWarning);
  }
  if (unheld.certificate)
    ui.note(
      boxafeCertificateLines(unheld.certificate, files).join("\n"),
      "Made before the failure: the new certificate",
    );
}
