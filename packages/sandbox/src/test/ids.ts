/** Seeded ids the Graph tests name: resource principals' object ids and two app roles. */

/** Object ids of the Microsoft Graph and Exchange Online service principals in the seed. */
export const GRAPH_SP = "b0000001-0000-4000-8000-000000000001";
export const EXO_SP = "b0000001-0000-4000-8000-000000000002";

/** Microsoft Graph Mail.ReadWrite and Exchange full_access_as_app app role ids. */
export const MAIL_READWRITE = "e2a3a72e-5f79-4c64-b1b1-878b674786c9";
export const FULL_ACCESS_AS_APP = "dc890d15-9560-4a4c-9b7f-a736ec74ec40";

/** A requiredResourceAccess with one Graph app role and one delegated scope. */
export const RRA = [
  {
    resourceAppId: "00000003-0000-0000-c000-000000000000",
    resourceAccess: [
      { id: MAIL_READWRITE, type: "Role" },
      { id: "e1fe6dd8-ba31-4d61-89e7-88639da4683d", type: "Scope" },
    ],
  },
];
