/**
 * The same change as `ews allow`, for admins who would rather run it themselves: Microsoft's
 * read-merge-write of EwsAllowedAppIDs ("Control access to EWS in Exchange"; the parameter replaces
 * the whole list, so it is read first and the app id added to what is there).
 */
import type { CloudName } from "../clouds.js";

/** Connect-ExchangeOnline -ExchangeEnvironmentName per cloud (Exchange Online PowerShell docs). */
const ENVIRONMENT: Readonly<Record<CloudName | "sandbox", string | undefined>> = {
  global: undefined,
  sandbox: undefined,
  usgov: "O365USGovGCCHigh",
  china: "O365China",
};

export function ewsPowerShell(appId: string, cloud: CloudName | "sandbox", adminUpn?: string): string {
  const environment = ENVIRONMENT[cloud];
  const connect = [
    "Connect-ExchangeOnline",
    ...(adminUpn ? [`-UserPrincipalName ${adminUpn}`] : []),
    ...(environment ? [`-ExchangeEnvironmentName ${environment}`] : []),
  ].join(" ");
  return [
    "# Exchange Administrator or Global Administrator, Exchange Online PowerShell module v3",
    connect,
    "# 1. Read the current list (the -EwsAllowedAppIDs parameter replaces the whole list)",
    "$config = Get-OrganizationConfig -RetrieveEwsOperationAccessPolicy",
    "$config | Format-List EwsEnabled,EwsAllowedAppIDs,EwsApplicationAccessPolicy,EwsAllowList,EwsBlockList",
    "# 2. Merge this app's Application (client) ID into it",
    `$ids = @(@($config.EwsAllowedAppIDs) + "${appId}" | Where-Object { $_ } | Select-Object -Unique)`,
    "# 3. Write the whole list back and turn EWS on for the apps on it",
    "Set-OrganizationConfig -EwsAllowedAppIDs $ids -EwsEnabled $true",
    "# Changes take up to 24 hours to reach every Exchange server.",
  ].join("\n");
}
