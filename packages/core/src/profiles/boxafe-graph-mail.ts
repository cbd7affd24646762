/**
 * Opt-in profile for the move off EWS (shut down 2027-04-01): Table 1 plus the Microsoft Graph
 * mailbox import/export application permissions (what Veeam KB4820 asks its customers to add).
 */
import { graphMailPermissions } from "../catalog/graph-mail-permissions.js";
import type { Profile } from "../catalog/types.js";
import { boxafeProfile } from "./boxafe.js";

export const boxafeGraphMailProfile: Profile = {
  name: "boxafe-graph-mail",
  description:
    "Table 1 plus Microsoft Graph mailbox import/export (MailboxItem.ImportExport.All, MailboxItem.Read.All, MailboxFolder.ReadWrite.All) for backup without EWS",
  permissions: [
    ...boxafeProfile.permissions,
    ...graphMailPermissions.map(({ resource, kind, value }) => ({ resource, kind, value })),
  ],
};

/** The profiles a name selects (`--profile boxafe-graph-mail`); anything else is a profile file. */
export const builtInProfiles: Readonly<Record<string, Profile>> = {
  boxafe: boxafeProfile,
  "boxafe-graph-mail": boxafeGraphMailProfile,
};

export function builtInProfile(name: string): Profile | undefined {
  return Object.hasOwn(builtInProfiles, name) ? builtInProfiles[name] : undefined;
}
