/**
 * Retirements and restrictions that touch Table 1. Each says what stops working, when, and what
 * the admin must do. Dates and sources: docs/graph-facts.md section 3.
 */
import { sameRef } from "./lookup.js";
import type { Advisory, PermissionRef } from "./types.js";

export const advisories: readonly Advisory[] = [
  {
    id: "azure-ad-graph-retired",
    title: "Azure AD Graph is retired",
    status: "retired",
    effectiveOn: "2024-09-01",
    affects: [{ resource: "azure-ad-graph", kind: "delegated", value: "User.Read" }],
    consequence:
      "Apps created after 2024-08-31 cannot call Azure AD Graph (graph.windows.net); since 2025-02-01 all apps are blocked and the API was shut down in September 2025. The permission can still be added but grants nothing.",
    action:
      "Nothing to grant: Microsoft Graph User.Read (also in this profile) covers sign-in. You may leave it out (skip retired permissions).",
    replacement: "Microsoft Graph User.Read (delegated)",
    source:
      "Microsoft Entra blog 'Action required: Azure AD Graph API retirement' (2024-12-05) and 'Take action by February 1' (2025-01-16)",
  },
  {
    id: "ews-blocked",
    title: "Exchange Web Services is blocked by default in Exchange Online",
    status: "blocked",
    effectiveOn: "2026-10-01",
    endsOn: "2027-04-01",
    affects: [
      { resource: "exchange-online", kind: "application", value: "full_access_as_app" },
      { resource: "exchange-online", kind: "delegated", value: "EWS.AccessAsUser.All" },
    ],
    consequence:
      "Since 2026-10-01 EWS answers only apps on the organization's allow list; on 2027-04-01 EWS in Exchange Online shuts down for good, and these permissions stop working.",
    action:
      'In Exchange Online PowerShell, allow this app: Set-OrganizationConfig -EwsAllowedAppIDs @{Add="{appId}"} (EWS must also be enabled for the org and the users). Plan the move to the Microsoft Graph mail and calendar permissions before 2027-04-01.',
    replacement:
      "Microsoft Graph Mail.ReadWrite, Calendars.ReadWrite, Contacts.ReadWrite, MailboxSettings.ReadWrite (application)",
    source:
      "Microsoft 365 message center MC1227454 (2026-02); Set-OrganizationConfig docs (MicrosoftDocs/office-docs-powershell PR#13643)",
  },
  {
    id: "sharepoint-acs-retired",
    title: "SharePoint ACS app-only (appinv.aspx) is retired",
    status: "blocked",
    marker: "CERTIFICATE ONLY",
    effectiveOn: "2026-04-02",
    affects: [
      { resource: "sharepoint", kind: "application", value: "Sites.FullControl.All" },
      { resource: "sharepoint", kind: "application", value: "TermStore.ReadWrite.All" },
      { resource: "sharepoint", kind: "application", value: "User.ReadWrite.All" },
    ],
    consequence:
      "Since 2026-04-02 the appinv.aspx trust (Azure ACS) no longer works, and SharePoint REST refuses app-only tokens obtained with a client secret. These app roles work only with a certificate credential.",
    action:
      "Add a certificate credential to the app and give Boxafe the certificate for SharePoint; skip the guide's appinv.aspx step.",
    replacement: "Entra app-only access with a certificate",
    source:
      "SharePoint/sp-dev-docs add-ins-and-azure-acs-retirements-faq.md and solution-guidance/security-apponly-azuread.md",
  },
  {
    id: "onenote-app-only-ended",
    title: "OneNote app-only access has ended",
    status: "retired",
    effectiveOn: "2025-03-31",
    affects: [
      { resource: "onenote", kind: "application", value: "Notes.ReadWrite.All" },
      { resource: "microsoft-graph", kind: "application", value: "Notes.ReadWrite.All" },
    ],
    consequence:
      "Since 2025-03-31 the OneNote API refuses app-only tokens; the permissions can still be granted but back up nothing without a signed-in user.",
    action:
      "Nothing to grant: you may leave these out (skip retired permissions). OneNote now needs a signed-in (delegated) user.",
    replacement: "Delegated OneNote access (Notes.ReadWrite.All with a signed-in user)",
    source: "learn.microsoft.com/graph/integrate-with-onenote",
  },
];

export function advisoriesFor(ref: PermissionRef): Advisory[] {
  return advisories.filter((advisory) => advisory.affects.some((affected) => sameRef(affected, ref)));
}

/** Retired = the permission no longer does anything; blocked ones still work after an admin action. */
export function isRetired(ref: PermissionRef): boolean {
  return advisoriesFor(ref).some((advisory) => advisory.status === "retired");
}

/** The admin's action with the app's client id filled in. */
export function advisoryAction(advisory: Advisory, appId: string): string {
  return advisory.action.replaceAll("{appId}", appId);
}

/** A short status marker for tables, e.g. "RETIRED 2025-03-31" or "BLOCKED since 2026-10-01". */
export function advisoryMarker(advisory: Advisory): string {
  const ends = advisory.endsOn === undefined ? "" : `, ends ${advisory.endsOn}`;
  switch (advisory.status) {
    case "retired":
      return `RETIRED ${advisory.effectiveOn}`;
    case "blocked":
      return `${advisory.marker ?? "BLOCKED"} since ${advisory.effectiveOn}${ends}`;
    case "retiring":
      return `${advisory.marker ?? "RETIRING"} ${advisory.endsOn ?? advisory.effectiveOn}`;
  }
}
