/**
 * The Microsoft Graph mailbox import/export application permissions (GA May 2026), the EWS
 * replacement: not in Table 1, only in the opt-in profile `boxafe-graph-mail`.
 *
 * Names and their use: learn.microsoft.com graph api mailbox-exportitems, mailbox-createimportsession,
 * mailboxitem-get (Microsoft). GUIDs: NOT yet confirmed against Microsoft's Graph permissions
 * reference (learn.microsoft.com/graph/permissions-reference), which our search corpus did not hold with
 * these entries; they come from two independent public sources that read them off Microsoft Graph's
 * service principal: a Graph permission tier model's automated "new application permission" detection
 * (2024-08-27, linking graph.microsoft.com directoryRoleTemplates/<id>) and a migration tool's app
 * registration script ("verified against the Microsoft Graph permissions reference"). The two agree.
 * Before relying on them, compare with GET /servicePrincipals(appId='00000003-0000-0000-c000-000000000000')?$select=appRoles.
 */
import type { Permission } from "./types.js";

const UNCONFIRMED =
  "UNCONFIRMED against learn.microsoft.com/graph/permissions-reference: two public sources reading Microsoft Graph's appRoles agree (a Graph permission tier model's automated detection 2024-08-27; a migration tool's registration script)";

export const graphMailPermissions: readonly Permission[] = [
  {
    resource: "microsoft-graph",
    value: "MailboxItem.ImportExport.All",
    kind: "application",
    id: "76577085-e73d-4f1d-b26a-85fb33892327",
    description: "Allows the app to perform backup and restore for all mailbox items (export and import)",
    adminConsentRequired: true,
    source: UNCONFIRMED,
  },
  {
    resource: "microsoft-graph",
    value: "MailboxItem.Read.All",
    kind: "application",
    id: "7d9f353d-a7bd-4fbb-822a-26d5dd39a3ce",
    description: "Read all the users' mailbox items",
    adminConsentRequired: true,
    source: UNCONFIRMED,
  },
  {
    resource: "microsoft-graph",
    value: "MailboxFolder.ReadWrite.All",
    kind: "application",
    id: "fef87b92-8391-4589-9da7-eb93dab7dc8a",
    description: "Read and write all the users' mailbox folders",
    adminConsentRequired: true,
    source: UNCONFIRMED,
  },
];
