import {
  AAD_GRAPH_APP_ID,
  EXCHANGE_APP_ID,
  ONENOTE_APP_ID,
  type ResourceSeed,
  SHAREPOINT_APP_ID,
} from "./seed-ids.js";

/** Exchange Online, SharePoint Online, OneNote and Azure AD Graph; sources are listed in seed-resources.ts. */
export const OTHER_SEEDS: ResourceSeed[] = [
  {
    key: "exchange",
    appId: EXCHANGE_APP_ID,
    spId: "b0000001-0000-4000-8000-000000000002",
    displayName: "Office 365 Exchange Online",
    audiences: [
      "https://outlook.office365.com",
      "https://outlook.office365.com/",
      "https://outlook.office.com",
    ],
    roles: [
      [
        "full_access_as_app",
        "dc890d15-9560-4a4c-9b7f-a736ec74ec40",
        "Use Exchange Web Services with full access to all mailboxes",
      ],
      [
        "Calendars.ReadWrite.All",
        "ef54d2bf-783f-4e0f-bca1-3210c0444d99",
        "Read and write calendars in all mailboxes",
      ],
      [
        "Contacts.ReadWrite",
        "6918b873-d17a-4dc1-b314-35f528134491",
        "Read and write contacts in all mailboxes",
      ],
      [
        "MailboxSettings.ReadWrite",
        "f9156939-25cd-4ba8-abfe-7fabcf003749",
        "Read and write all user mailbox settings",
      ],
      ["Mail.ReadWrite", "e2a3a72e-5f79-4c64-b1b1-878b674786c9", "Read and write mail in all mailboxes"],
      ["Tasks.ReadWrite", "2c6a42ca-0d4d-49ad-bc0e-21222c449a65", "Read and write tasks in all mailboxes"],
      ["Exchange.ManageAsApp", "dc50a0fb-09a3-484d-be87-e023b12c6440", "Manage Exchange As Application"],
      ["IMAP.AccessAsApp", "5e5addcd-3e8d-4e90-baf5-964efab2b20a", "IMAP.AccessAsApp"],
    ],
    scopes: [
      [
        "EWS.AccessAsUser.All",
        "3b5f3d61-589b-4a3c-a359-5dd4b5ee5bd5",
        "Access mailboxes as the signed-in user via Exchange Web Services",
        "User",
      ],
      ["Mail.Read", "185758ba-798d-4b72-9e54-429a413a2510", "Read user mail", "User"],
      ["User.Read", "6223a6d3-53ef-4f8f-982a-895b39483c61", "Read user profiles", "User"],
    ],
  },
  {
    key: "sharepoint",
    appId: SHAREPOINT_APP_ID,
    spId: "b0000001-0000-4000-8000-000000000003",
    displayName: "Office 365 SharePoint Online",
    audiences: [
      "https://contoso.sharepoint.com",
      "https://contoso.sharepoint.com/",
      "https://contoso-admin.sharepoint.com",
    ],
    roles: [
      [
        "Sites.FullControl.All",
        "678536fe-1083-478a-9c59-b99265e6b0d3",
        "Have full control of all site collections",
      ],
      ["TermStore.ReadWrite.All", "c8e3537c-ec53-43b9-bed3-b2bd3617ae97", "Read and write managed metadata"],
      ["User.ReadWrite.All", "741f803b-c850-494e-b5df-cde7c675a1ca", "Read and write user profiles"],
      ["Sites.Read.All", "d13f72ca-a275-4b96-b789-48ebcc4da984", "Read items in all site collections"],
      ["Sites.Selected", "20d37865-089c-4dee-8c41-6967602d4ac8", "Access selected site collections"],
    ],
    scopes: [
      [
        "AllSites.FullControl",
        "56680e0d-d2a3-4ae1-80d8-3c4f2100e3d0",
        "Have full control of all site collections",
        "Admin",
      ],
      ["AllSites.Read", "4e0d77b0-96ba-4398-af14-3baa780278f4", "Read items in all site collections", "User"],
    ],
  },
  {
    key: "onenote",
    appId: ONENOTE_APP_ID,
    spId: "b0000001-0000-4000-8000-000000000004",
    displayName: "OneNote",
    audiences: ["https://onenote.com", "https://onenote.com/"],
    roles: [
      ["Notes.ReadWrite.All", "10af711e-5051-4838-8ae7-9767c43d8a9c", "View and modify notes for all users"],
      ["Notes.Read.All", "27e50e9e-ca8b-4cc6-8dd0-4ba2d49d8228", "View notes for all users"],
    ],
    scopes: [],
  },
  {
    key: "aadgraph",
    appId: AAD_GRAPH_APP_ID,
    spId: "b0000001-0000-4000-8000-000000000005",
    displayName: "Windows Azure Active Directory",
    audiences: ["https://graph.windows.net", "https://graph.windows.net/"],
    roles: [
      [
        "Application.ReadWrite.All",
        "1cda74f2-2616-4834-b122-5cb1b07f8a59",
        "Read and write all applications",
      ],
      ["Directory.Read.All", "5778995a-e1bf-45b8-affa-663a9f3f4d04", "Read directory data"],
    ],
    scopes: [
      ["User.Read", "311a71cc-e848-46a1-bdf8-97ff7156d8e6", "Sign in and read user profile", "User"],
      [
        "Directory.AccessAsUser.All",
        "a42657d6-7f20-40e3-b6f0-cee03008a62a",
        "Access the directory as the signed-in user",
        "Admin",
      ],
    ],
  },
];
