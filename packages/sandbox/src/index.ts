/** @module @boxafe-connect/sandbox: a local Entra ID + Microsoft Graph v1.0 tenant over HTTPS. */
export { ENTRA_TIMING, type FaultSpec, NO_FAULTS, parseFaults } from "./faults.js";
export {
  type FleetSandboxOptions,
  type FleetTenant,
  type RunningFleetSandbox,
  startFleetSandbox,
} from "./fleet/host.js";
export { customerTenant, PARTNER_TENANT } from "./fleet/identities.js";
export { DEFAULT_RELATIONSHIP_ROLES, type Relationship, Relationships } from "./fleet/relationships.js";
/** The /_sandbox/policy and /_sandbox/policies hooks, for in-process tests. */
export { setPolicies, setTenantPolicy } from "./policies/hooks.js";
export { type RunningSandbox, type SandboxOptions, type SandboxUser, startSandbox } from "./sandbox.js";
export type { StatsSnapshot } from "./stats.js";
export {
  GRAPH_CLI_CLIENT_ID,
  ROLE,
  SANDBOX_WEB_CLIENT_ID,
  SHAREPOINT_NAME,
  TENANT_DOMAIN,
  TENANT_ID,
} from "./store/tenant.js";
export { defaultSandboxHome, ensureTls, sandboxCaFile } from "./tls.js";
