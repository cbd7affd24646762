/**
 * Retirements and restrictions that touch Table 1. Each says what stops working, when, and what
 * the admin must do. Dates and sources: docs/graph-facts.md section 3.
 */
import { sameRef } from "./lookup.js";
import type { Advisory, PermissionKind, PermissionRef, ResourceKey } from "./types.js";

/** The permissions of one resource and kind an advisory affects. */
function refs(resource: ResourceKey, kind: PermissionKind, ...values: string[]): PermissionRef[] {
  return values.map((value) => ({ resource, kind, value }));
}

export const advisories: readonly Advisory[] = [
  {
    id: "azure-ad-graph-retired",
    title: "Azure AD Graph is retired",
    status: "retired",
    effectiveOn: "2025-08-31",
    affects: [{ resource: "azure-ad-graph", kind: "delegated", value: "User.Read" }],
    consequence:
      "Azure AD Graph (graph.windows.net) was fully retired on 2025-08-31: new apps were blocked from 2024-09-01, every app needed an opt-in from 2025-02-01, and since 2025-08-31 no app can call it. The permission can still be added but grants nothing.",
    action:
      "Nothing to grant: Microsoft Graph User.Read (also in this profile) covers sign-in. You may leave it out (skip retired permissions).",
    replacement: "Microsoft Graph User.Read (delegated)",
    source:
      "microsoftgraph/microsoft-graph-docs api-reference authenticationBehaviors resource (Azure AD Graph retirement timeline)",
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
      "Since 2026-10-01 tenants that left EwsEnabled unset are blocked, and with EwsEnabled $true only the apps in EwsAllowedAppIDs may use EWS: Boxafe backs up no mail, calendar or contacts until this app is on the list. On 2027-04-01 EWS in Exchange Online shuts down for good.",
    action:
      'Run boxafe-connect ews allow, or in Exchange Online PowerShell read, merge and write the whole list (the parameter replaces it): $ids = @(@((Get-OrganizationConfig -RetrieveEwsOperationAccessPolicy).EwsAllowedAppIDs) + "{appId}" | Where-Object { $_ } | Select-Object -Unique); Set-OrganizationConfig -EwsAllowedAppIDs $ids -EwsEnabled $true. The change takes up to 24 hours. Plan the move to Microsoft Graph mailbox import/export (profile boxafe-graph-mail) before 2027-04-01.',
    replacement:
      "Microsoft Graph mailbox import/export: MailboxItem.ImportExport.All, MailboxItem.Read.All, MailboxFolder.ReadWrite.All (application; profile boxafe-graph-mail)",
    source:
      "MicrosoftDocs/office-docs-powershell PR #13643 (Set-OrganizationConfig -EwsAllowedAppIDs, 2026-06-04); office-developer-exchange-docs 'Control access to EWS in Exchange' (read-merge-write, 24 h, X-EWS-Policy-Reason); Exchange team blog 'Exchange Online EWS, Your Time is Almost Up' (2026-02)",
  },
  {
    id: "outlook-rest-decommissioned",
    title: "Outlook REST API app roles do nothing",
    status: "retired",
    effectiveOn: "2024-03-31",
    affects: refs(
      "exchange-online",
      "application",
      "Calendars.ReadWrite.All",
      "Contacts.ReadWrite",
      "MailboxSettings.ReadWrite",
      "Mail.ReadWrite",
      "Tasks.ReadWrite",
    ),
    consequence:
      "These five Office 365 Exchange Online app roles belong to the Outlook REST API (outlook.office.com/api), which Microsoft decommissioned in 2024. Boxafe's mail, calendar and contacts backup runs on EWS (full_access_as_app); these roles grant it nothing more.",
    action:
      "Nothing to grant: they are harmless to keep for Boxafe 1.4's checklist, and you may leave them out (skip retired permissions). The Microsoft Graph roles of the same names (also in this profile) are the ones that work.",
    replacement:
      "Microsoft Graph Mail.ReadWrite, Calendars.ReadWrite, Contacts.ReadWrite, MailboxSettings.ReadWrite (application)",
    source:
      "[3P] summaries of Microsoft's previous-versions Outlook REST API pages (decommissioned in 2024; the exact day is UNCONFIRMED, 2024-03-31 is the announced end of v2.0/beta)",
  },
  {
    id: "sharepoint-acs-retired",
    title: "SharePoint ACS app-only (appinv.aspx) is retired",
    status: "blocked",
    marker: "CERTIFICATE ONLY",
    effectiveOn: "2026-04-02",
    affects: refs(
      "sharepoint",
      "application",
      "Sites.FullControl.All",
      "TermStore.ReadWrite.All",
      "User.ReadWrite.All",
    ),
    consequence:
      "Since 2026-04-02 the appinv.aspx trust (Azure ACS) no longer works, and SharePoint REST refuses app-only tokens obtained with a client secret. These app roles work only with a certificate credential.",
    action:
      "Use Boxafe 1.5 or later with a certificate (boxafe-connect setup --boxafe 1.5, or boxafe-connect sharepoint to add one); skip the guide's appinv.aspx step.",
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
