/** sharepoint: the legacy appinv.aspx values with the retirement advisory beside them. */
import type { WizardEvent } from "@boxafe-connect/core";
import { appInvLines } from "../render/app-inv-view.js";
import type { WizardSession } from "../wizard/handlers.js";
import { unwrap } from "../wizard/prompts.js";
import type { Ui } from "./ui.js";

export async function askSharePoint(ui: Ui, session: WizardSession): Promise<WizardEvent> {
  const inv = session.appInv();
  if (inv) {
    ui.note(appInvLines(inv, false).join("\n"), "SharePoint (appinv.aspx)");
    ui.log.warn(inv.advisory);
  }
  await unwrap(await ui.confirm({ message: "Done with SharePoint?", initialValue: true }));
  return { type: "sharepoint.confirm" };
}
