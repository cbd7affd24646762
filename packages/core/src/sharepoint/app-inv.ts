/**
 * The guide's optional SharePoint step: trusting the app on the tenant admin site's appinv.aspx
 * page (Azure ACS app-only). Produced exactly, with the retirement advisory beside it: the modern
 * path is a certificate plus the SharePoint app roles already in Table 1.
 */
import { CoreError } from "../errors.js";

export interface SharePointAppInv {
  readonly url: string;
  readonly appId: string;
  readonly appDomain: "localhost";
  readonly redirectUrl: "https://localhost";
  readonly permissionRequestXml: string;
  readonly advisory: string;
}

export const APP_PERMISSION_REQUEST_XML = `<AppPermissionRequests AllowAppOnlyPolicy="true">
  <AppPermissionRequest Scope="http://sharepoint/content/tenant" Right="FullControl" />
</AppPermissionRequests>`;

export const SHAREPOINT_ACS_ADVISORY =
  "SharePoint's Azure ACS app-only access (appregnew/appinv.aspx) was retired on 2023-11-27 and stops working on 2026-04-02. " +
  "Use the certificate path instead: add a certificate to the app (setup --certificate); the SharePoint application permissions " +
  "Sites.FullControl.All and User.ReadWrite.All are already granted by the setup.";

export function sharePointAppInv(tenantName: string, appId: string): SharePointAppInv {
  const name = tenantName.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(name)) {
    throw new CoreError(
      "invalid_input",
      `"${tenantName.slice(0, 70)}" is not a SharePoint tenant name (e.g. contoso).`,
      {
        field: "tenantName",
      },
    );
  }
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(appId.trim())) {
    throw new CoreError("invalid_input", "The Application (client) ID must be a GUID.", { field: "appId" });
  }
  return {
    url: `https://${name}-admin.sharepoint.com/_layouts/15/appinv.aspx`,
    appId: appId.trim().toLowerCase(),
    appDomain: "localhost",
    redirectUrl: "https://localhost",
    permissionRequestXml: APP_PERMISSION_REQUEST_XML,
    advisory: SHAREPOINT_ACS_ADVISORY,
  };
}
