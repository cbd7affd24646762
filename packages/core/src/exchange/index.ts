/**
 * The public names of core/exchange (src/index.ts re-exports them all; add a new export here):
 * exchange Online: the admin API and the EWS allow list.
 */

export type { ExchangeAdminTarget } from "./admin-api.js";
export {
  EXCHANGE_POWERSHELL_CLIENT_ID,
  exchangeAdminScope,
  invokeCmdlet,
} from "./admin-api.js";
export type { EwsChange, EwsWrite } from "./ews-change.js";
export { planEwsAllow } from "./ews-change.js";
export type { EwsMode } from "./ews-mode.js";
export { DEFAULT_EWS_MODE, ewsModes, parseEwsMode } from "./ews-mode.js";
export type { EwsPolicy } from "./ews-policy.js";
export { parseEwsPolicy, policyAllows } from "./ews-policy.js";
export { ewsPowerShell } from "./ews-powershell.js";
export type { EwsProbe } from "./ews-probe.js";
export { classifyGetFolder, EWS_PROOF_USER_AGENT, getFolderRequest } from "./ews-probe.js";
