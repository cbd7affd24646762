/**
 * The five resource service principals with their real appIds, app roles and delegated scopes.
 * Sources (looked up 2026-11; GUIDs copied, not invented):
 * - Microsoft Graph: microsoftgraph/microsoft-graph-docs `concepts/includes/permissions-ids.md`
 *   (auto-generated permission id table) and graph-facts.md section 2.4 (merill/graph-permissions-explorer).
 * - Office 365 Exchange Online, Office 365 SharePoint Online, OneNote, Windows Azure Active Directory:
 *   public per-service-principal permission dumps ("# Office 365 Exchange Online (00000002-0000-0ff1-...)",
 *   "# OneNote ## Service Principal Names ...") found through code search, cross-checked against the EWS OAuth
 *   page quoted in graph-facts.md section 1.1 (full_access_as_app dc890d15..., EWS.AccessAsUser.All 3b5f3d61...).
 */

import { GRAPH_APP_ID, type ResourceSeed } from "./seed-ids.js";
import { OTHER_SEEDS } from "./seed-others.js";

export * from "./seed-ids.js";
export { OTHER_SEEDS };

export const GRAPH_SEED: ResourceSeed = {
  key: "graph",
  appId: GRAPH_APP_ID,
  spId: "b0000001-0000-4000-8000-000000000001",
  displayName: "Microsoft Graph",
  audiences: ["https://graph.microsoft.com", "https://graph.microsoft.com/"],
  roles: [
    [
      "Calendars.ReadWrite",
      "ef54d2bf-783f-4e0f-bca1-3210c0444d99",
      "Read and write calendars in all mailboxes",
    ],
    [
      "Contacts.ReadWrite",
      "6918b873-d17a-4dc1-b314-35f528134491",
      "Read and write contacts in all mailboxes",
    ],
    ["Directory.ReadWrite.All", "19dbc75e-c2e2-444c-a770-ec69d8559fc7", "Read and write directory data"],
    [
      "Files.ReadWrite.All",
      "75359482-378d-4052-8f01-80520e7db3cd",
      "Read and write files in all site collections",
    ],
    ["Group.ReadWrite.All", "62a82d76-70ea-41e2-9197-370581804d09", "Read and write all groups"],
    [
      "MailboxSettings.ReadWrite",
      "6931bccd-447a-43d1-b442-00a195474933",
      "Read and write all user mailbox settings",
    ],
    ["Mail.ReadWrite", "e2a3a72e-5f79-4c64-b1b1-878b674786c9", "Read and write mail in all mailboxes"],
    ["Notes.ReadWrite.All", "0c458cef-11f3-48c2-a568-c66751c238c0", "Read and write all OneNote notebooks"],
    [
      "Sites.FullControl.All",
      "a82116e5-55eb-4c41-a434-62fe8a61c773",
      "Have full control of all site collections",
    ],
    ["User.ReadWrite.All", "741f803b-c850-494e-b5df-cde7c675a1ca", "Read and write all users' full profiles"],
    ["User.Read.All", "df021288-bdef-4463-88db-98f22de89214", "Read all users' full profiles"],
    // Graph mailbox import/export (the EWS replacement); ids unconfirmed against Microsoft's permissions
    // reference, see core's catalog/graph-mail-permissions.ts for the two public sources.
    [
      "MailboxItem.ImportExport.All",
      "76577085-e73d-4f1d-b26a-85fb33892327",
      "Allows the app to perform backup and restore for all mailbox items",
    ],
    ["MailboxItem.Read.All", "7d9f353d-a7bd-4fbb-822a-26d5dd39a3ce", "Read all the users' mailbox items"],
    [
      "MailboxFolder.ReadWrite.All",
      "fef87b92-8391-4589-9da7-eb93dab7dc8a",
      "Read and write all the users' mailbox folders",
    ],
    ["Application.Read.All", "9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30", "Read all applications"],
    ["Application.ReadWrite.All", "1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9", "Read and write all applications"],
    [
      "AppRoleAssignment.ReadWrite.All",
      "06b708a9-e830-4db3-a914-8e69da51d44f",
      "Manage app permission grants and app role assignments",
    ],
    [
      "DelegatedPermissionGrant.ReadWrite.All",
      "8e8e4742-1d95-4f68-9d56-6ee75648c72a",
      "Manage all delegated permission grants",
    ],
  ],
  scopes: [
    ["openid", "37f7f235-527c-4136-accd-4a02d197296e", "Sign users in", "User"],
    ["profile", "14dad69e-099b-42c9-810b-d002981feec1", "View users' basic profile", "User"],
    ["email", "64a6cdd6-aab1-4aaf-94b8-3cc8405e90d0", "View users' email address", "User"],
    [
      "offline_access",
      "7427e0e9-2fba-42fe-b0c0-848c9e6a8182",
      "Maintain access to data you have given it access to",
      "User",
    ],
    ["User.Read", "e1fe6dd8-ba31-4d61-89e7-88639da4683d", "Sign in and read user profile", "User"],
    [
      "User.ReadWrite.All",
      "204e0828-b5ca-4ad8-b9f3-f32a958e7cc4",
      "Read and write all users' full profiles",
      "Admin",
    ],
    ["Group.ReadWrite.All", "4e46008b-f24c-477d-8fff-7bb4ec7aafe0", "Read and write all groups", "Admin"],
    ["Application.Read.All", "c79f8feb-a9db-4090-85f9-90d820caa0eb", "Read applications", "Admin"],
    [
      "Application.ReadWrite.All",
      "bdfbf15f-ee85-4955-8675-146e8e5296b5",
      "Read and write all applications",
      "Admin",
    ],
    [
      "AppRoleAssignment.ReadWrite.All",
      "84bccea3-f856-4a8a-967b-dbe0a3d53a64",
      "Manage app permission grants and app role assignments",
      "Admin",
    ],
    [
      "DelegatedPermissionGrant.ReadWrite.All",
      "41ce6ca6-6826-4807-84f1-1c82854f7ee5",
      "Manage all delegated permission grants",
      "Admin",
    ],
    ["Directory.Read.All", "06da0dbc-49e2-44d2-8312-53f166ab848a", "Read directory data", "Admin"],
    ["Policy.Read.All", "572fea84-0151-49b2-9301-11cb16974376", "Read your organization's policies", "Admin"],
  ],
};

export const RESOURCE_SEEDS: ResourceSeed[] = [GRAPH_SEED, ...OTHER_SEEDS];

/**
 * A resource's identifier URIs in one tenant: SharePoint Online answers at the tenant's own
 * `https://{name}.sharepoint.com` (and `-admin`), so its service principal names differ per tenant;
 * the seed data names Contoso's.
 */
export function tenantAudiences(
  seed: ResourceSeed,
  tenant: { readonly sharePointName: string },
): readonly string[] {
  if (seed.key !== "sharepoint") return seed.audiences;
  return seed.audiences.map((a) => a.replace("//contoso", `//${tenant.sharePointName}`));
}
