/**
 * The per-tenant skeleton fleet rotate and fleet retire share: every tenant of the fleet file, at
 * most `concurrency` at a time, each with its state record and newest stored certificate; a tenant
 * fleet setup never onboarded is reported "skipped", and one tenant's failure never stops the others.
 */
import type { MadeCertificate } from "../usecases/ports.js";
import { forEachBounded } from "./bounded.js";
import type { CredentialStore } from "./credential-store.js";
import type { FleetEntry } from "./fleet-file.js";
import { type FleetState, type FleetTenantRecord, fleetKey } from "./fleet-state.js";
import { heldCertificates } from "./held-certificate.js";

export interface TenantRowBase {
  readonly row: number;
  readonly tenant: string;
  readonly label: string;
}

export interface OnboardedTenant<C extends MadeCertificate> {
  readonly base: TenantRowBase;
  readonly key: string;
  readonly record: FleetTenantRecord & {
    readonly tenantId: string;
    readonly clientId: string;
    readonly applicationObjectId: string;
  };
  /** The certificate the app is known to accept (held-certificate.ts). */
  readonly current: C;
  /** Stored certificates rotate saved or added but never proved (finished by the next rotate). */
  readonly unproven: readonly C[];
}

export async function forEachOnboardedTenant<
  C extends MadeCertificate,
  S extends string,
  R extends TenantRowBase & { readonly status: S },
>(
  store: CredentialStore<C>,
  entries: readonly FleetEntry[],
  state: FleetState,
  options: { readonly concurrency: number; readonly counts: Record<S, number> },
  skipped: (base: TenantRowBase, detail: string) => R,
  work: (tenant: OnboardedTenant<C>) => Promise<R>,
  onTenant: (row: R) => void | Promise<void>,
): Promise<Readonly<Record<S, number>>> {
  const { counts } = options;
  await forEachBounded(entries, options.concurrency, async (entry) => {
    const base = { row: entry.row, tenant: entry.tenant, label: entry.label };
    const key = fleetKey(entry.tenant);
    const record = state.tenants[key];
    const { current, unproven } = await heldCertificates(store, key, record);
    const { tenantId, clientId, applicationObjectId } = record ?? {};
    const row =
      !record || !tenantId || !clientId || !applicationObjectId || !current
        ? skipped(base, "not onboarded by fleet setup (no state or no stored certificate)")
        : await work({
            base,
            key,
            record: { ...record, tenantId, clientId, applicationObjectId },
            current,
            unproven,
          });
    counts[row.status] += 1;
    await onTenant(row);
  });
  return counts;
}
