/**
 * The public names of core/fleet (src/index.ts re-exports them all; add a new export here): fleet
 * (many tenants): the fleet file and state, the credential store, fleet setup, check, rotate and retire.
 */

export type { CredentialStore } from "./credential-store.js";
export { storedCertificates } from "./credential-store.js";
export type { AppSession, FleetCheckPorts, FleetCheckSummary } from "./fleet-check.js";
export { fleetCheck } from "./fleet-check.js";
export type { FleetEntry, FleetFileError, FleetFileResult } from "./fleet-file.js";
export { fleetEntries, formatFleetFileErrors, parseFleetFile } from "./fleet-file.js";
export type { FleetRetireOptions, FleetRetirePorts, RetireRow, RetireStatus } from "./fleet-retire.js";
export { fleetRetire, fleetRetireOptionsSchema } from "./fleet-retire.js";
export type { FleetRotateOptions, FleetRotatePorts, RotateRow, RotateStatus } from "./fleet-rotate.js";
export { fleetRotate } from "./fleet-rotate.js";
export type {
  ConnectedTenant,
  FleetEvent,
  FleetSetupOptions,
  FleetSetupPorts,
  FleetSetupSummary,
  FleetTenantStatus,
} from "./fleet-setup.js";
export { fleetSetup } from "./fleet-setup.js";
export type { FleetStage, FleetState, FleetStateParse, FleetTenantRecord } from "./fleet-state.js";
export { emptyFleetState, fleetKey, parseFleetState } from "./fleet-state.js";
export type { Light, Problem, ProblemKind, TenantHealth } from "./tenant-health.js";
export { AMBER_DAYS, RED_DAYS } from "./tenant-health.js";
export { tenantTokens } from "./tenant-tokens.js";
