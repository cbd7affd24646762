/**
 * The public names of core/sharepoint (src/index.ts re-exports them all; add a new export here):
 * SharePoint's appinv.aspx (ACS) trust, retired.
 */

export type { SharePointAppInv } from "./app-inv.js";
export {
  APP_PERMISSION_REQUEST_XML,
  SHAREPOINT_ACS_ADVISORY,
  sharePointAppInv,
} from "./app-inv.js";
