/**
 * Which fleet row owns each tenant. The fleet file refuses a tenant written twice alike, but one
 * tenant can be named by its GUID in one row and by a domain in another: only the sign-in tells
 * (the token's `tid`). The first row to reach a tenant sets it up; another row naming it fails
 * before any write, so a tenant never gets a second app certificate or a second store entry.
 */
import { CoreError } from "../errors.js";
import { type FleetEntry, fleetRowName } from "./fleet-file.js";
import type { FleetState } from "./fleet-state.js";
import { fleetKey } from "./fleet-state.js";

export interface TenantClaims {
  /** Claims `tenantId` for `entry`'s row; throws invalid_input (field `tenant`) when another row holds it. */
  claim(entry: FleetEntry, tenantId: string): void;
}

export function tenantClaims(entries: readonly FleetEntry[], state: FleetState): TenantClaims {
  const owners = new Map<string, FleetEntry>();
  // A row onboarded by an earlier run keeps its tenant, even when it is skipped this time.
  for (const entry of entries) {
    const record = state.tenants[fleetKey(entry.tenant)];
    const id = record?.tenantId?.toLowerCase();
    if (record?.stage === "done" && id !== undefined && !owners.has(id)) owners.set(id, entry);
  }
  return {
    claim(entry, tenantId) {
      const id = tenantId.toLowerCase();
      const owner = owners.get(id);
      if (owner !== undefined && owner.row !== entry.row) {
        throw new CoreError(
          "invalid_input",
          `The fleet file's ${fleetRowName(entry)}, ${entry.tenant}, names the same tenant as ${fleetRowName(owner)}, ${owner.tenant}: ` +
            `${tenantId}. One row per tenant: remove ${fleetRowName(entry)} from the fleet file. Nothing was written to it.`,
          { field: "tenant" },
        );
      }
      owners.set(id, entry);
    },
  };
}
