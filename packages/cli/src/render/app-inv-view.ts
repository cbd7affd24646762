/** The legacy appinv.aspx values, one per line, as the SharePoint page asks for them. */
import type { SharePointAppInv } from "@boxafe-connect/core";

/** `aligned` pads the labels into a column (the command's plain output); the wizard's note does not. */
export function appInvLines(inv: SharePointAppInv, aligned: boolean): string[] {
  const label = (name: string) => (aligned ? `${name}:`.padEnd(15) : `${name}: `);
  return [
    `${label("Open")}${inv.url}`,
    `${label("App Id")}${inv.appId}`,
    `${label("App Domain")}${inv.appDomain}`,
    `${label("Redirect URL")}${inv.redirectUrl}`,
    "Permission Request XML:",
    inv.permissionRequestXml,
  ];
}
