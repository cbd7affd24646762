/**
 * sharepoint: the certificate just added (thumbprint, files, PFX password shown once), or the
 * legacy appinv.aspx values with the retirement advisory beside them.
 */
import type { WizardEvent, WizardState } from "@boxafe-connect/core";
import type { CertificateFiles } from "../files/certificate-files.js";
import { appInvLines } from "../render/app-inv-view.js";
import { verificationLines } from "../render/verification-view.js";
import type { Style } from "../style.js";
import { unwrap } from "../wizard/prompts.js";
import type { WizardSession } from "../wizard/setup-session.js";
import type { Ui } from "./ui.js";

export async function askSharePoint(
  ui: Ui,
  state: WizardState,
  session: WizardSession,
  files: CertificateFiles | undefined,
  style: Style,
): Promise<WizardEvent> {
  const certificate = session.certificate();
  if (state.sharepoint?.mode === "certificate" && certificate) {
    const { made, report } = certificate;
    ui.note(
      [
        `Thumbprint: ${made.thumbprint} (valid until ${made.notAfter.slice(0, 10)})`,
        ...(files ? [`${files.pem} (key, 0600)`, files.cer, `${files.pfx} (0600)`] : []),
        made.source === "held"
          ? `Your certificate ${made.file}, reused: no new key, no file written`
          : made.generatedPassword
            ? `PFX password (shown only now): ${made.pfxPassword}`
            : "PFX password: from BOXAFE_PFX_PASSWORD",
      ].join("\n"),
      "Certificate for SharePoint",
    );
    ui.log.info(verificationLines(report, style).join("\n"));
    // The key is in its files and the password on screen: the tenant may count the certificate held.
    await session.handedOver();
  } else if (state.sharepoint?.mode === "certificate" && session.core().keptCertificate()) {
    // The kept certificate already gives SharePoint access: nothing added, nothing to show again.
    ui.log.info("SharePoint uses the kept certificate: nothing added.");
  } else {
    const inv = session.appInv();
    if (inv) {
      ui.note(appInvLines(inv, false).join("\n"), "SharePoint (appinv.aspx)");
      ui.log.warn(inv.advisory);
    }
  }
  await unwrap(await ui.confirm({ message: "Done with SharePoint?", initialValue: true }));
  return { type: "sharepoint.confirm" };
}
