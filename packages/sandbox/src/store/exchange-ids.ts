/** Exchange Online identities the sandbox needs beyond the resource seed. */

/**
 * The Exchange Online PowerShell module's public client (Connect-ExchangeOnline's app id, visible in
 * the module's source and in every sign-in log it leaves); it may ask for Exchange's `.default`.
 */
export const EXO_POWERSHELL_CLIENT_ID = "fb78d390-0c51-40cd-8e17-fdbfab77341b";

/** Exchange Administrator directory role template id (learn.microsoft.com entra permissions-reference). */
export const ROLE_EXCHANGE_ADMINISTRATOR = "29232cdf-9323-42fd-ade2-1d097af3e4de";

/** Token audiences of Office 365 Exchange Online (as in seed-others.ts), without the trailing slash. */
export const EXCHANGE_AUDIENCES: readonly string[] = [
  "https://outlook.office365.com",
  "https://outlook.office.com",
];
