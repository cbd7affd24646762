/**
 * fleet setup: onboard every tenant of a fleet file with one partner sign-in. Per tenant: admin ports
 * (a silent token through GDAP, or that tenant's own sign-in where the relationship does not allow
 * it, decided by the adapter's `connect`), then the same `setup` use case a single tenant runs, with
 * a certificate from the credential store (saved before the tenant is written). Bounded concurrency,
 * a state record per tenant (resumable), and one tenant's failure never stops the others.
 */

import type { Clock } from "../ports.js";
import { setupRequestSchema } from "../requests/setup-request.js";
import { handedOver } from "../usecases/hand-over.js";
import type { MadeCertificate } from "../usecases/ports.js";
import type { SetupPorts } from "../usecases/setup.js";
import { setup } from "../usecases/setup.js";
import { forEachBounded } from "./bounded.js";
import { type CredentialStore, storedCertificates } from "./credential-store.js";
import { errorSummary } from "./error-summary.js";
import type { FleetEntry } from "./fleet-file.js";
import type { FleetState, FleetTenantRecord } from "./fleet-state.js";
import { fleetKey } from "./fleet-state.js";
import { tenantClaims } from "./tenant-claims.js";

export interface ConnectedTenant<C extends MadeCertificate> {
  readonly ports: SetupPorts<C>;
  readonly signIn: "gdap" | "tenant";
  /** The directory (tenant) ID the sign-in reached (its token's `tid`): rows naming one tenant twice meet here. */
  readonly tenantId: string;
}

export interface FleetSetupPorts<C extends MadeCertificate> {
  readonly clock: Clock;
  /** Admin ports for one tenant (GDAP silent token, falling back to the tenant's own sign-in). */
  connect(entry: FleetEntry): Promise<ConnectedTenant<C>>;
  readonly store: CredentialStore<C>;
  /** Persists the state after every change (resume after a kill). */
  saveState(state: FleetState): Promise<void>;
}

export type FleetTenantStatus = "skipped" | "signing-in" | "setting-up" | "done" | "failed";

export type FleetEvent =
  | { readonly type: "fleet-start"; readonly total: number; readonly resumed: number }
  | {
      readonly type: "tenant";
      readonly row: number;
      readonly tenant: string;
      readonly label: string;
      readonly status: FleetTenantStatus;
      readonly detail?: string;
    };

export interface FleetSetupSummary {
  readonly total: number;
  readonly done: number;
  readonly skipped: number;
  readonly failed: number;
  readonly failures: readonly {
    readonly tenant: string;
    readonly label: string;
    readonly code: string;
    readonly message: string;
  }[];
}

export interface FleetSetupOptions {
  readonly concurrency: number;
  /** Tenants recorded as done are skipped unless this is set (a re-run then repairs drift, idempotently). */
  readonly rerunDone?: boolean;
  /** Lifetime of each new certificate (default: the single-tenant default, defaults.ts). */
  readonly certificateDays?: number;
}

export async function fleetSetup<C extends MadeCertificate>(
  ports: FleetSetupPorts<C>,
  entries: readonly FleetEntry[],
  state: FleetState,
  options: FleetSetupOptions,
  emit: (event: FleetEvent) => void = () => {},
): Promise<FleetSetupSummary> {
  const iso = () => new Date(ports.clock.now()).toISOString();
  const record = async (entry: FleetEntry, update: Omit<FleetTenantRecord, "updatedAt">) => {
    state.tenants[fleetKey(entry.tenant)] = { ...update, updatedAt: iso() };
    await ports.saveState(state);
  };
  const resumed = entries.filter((e) => state.tenants[fleetKey(e.tenant)]?.stage === "done").length;
  emit({ type: "fleet-start", total: entries.length, resumed });
  const failures: FleetSetupSummary["failures"][number][] = [];
  // One tenant, one app and one certificate: a tenant named twice (its GUID in one row, a domain
  // in another) is set up by the first row to reach it; a row done earlier holds its tenant.
  const claims = tenantClaims(entries, state);
  let done = 0;
  let skipped = 0;
  await forEachBounded(entries, options.concurrency, async (entry) => {
    const base = { row: entry.row, tenant: entry.tenant, label: entry.label };
    const previous = state.tenants[fleetKey(entry.tenant)];
    if (previous?.stage === "done" && !options.rerunDone) {
      skipped += 1;
      emit({ type: "tenant", ...base, status: "skipped", detail: "already onboarded" });
      return;
    }
    let secretSaved: Promise<void> | undefined;
    try {
      emit({ type: "tenant", ...base, status: "signing-in" });
      await record(entry, { ...(previous ?? {}), stage: "started", error: undefined });
      const connected = await ports.connect(entry);
      // Before any write: a second row for a tenant would add a second certificate to its app.
      claims.claim(entry, connected.tenantId);
      emit({
        type: "tenant",
        ...base,
        status: "setting-up",
        detail: connected.signIn === "gdap" ? "through GDAP" : "tenant sign-in",
      });
      const key = fleetKey(entry.tenant);
      const tenantPorts: SetupPorts<C> = {
        ...connected.ports,
        ...(connected.ports.certificates
          ? { certificates: storedCertificates(ports.store, key, connected.ports.certificates, ports.clock) }
          : {}),
      };
      const request = setupRequestSchema.parse({
        boxafe: entry.boxafe,
        ...(entry.appId ? { appId: entry.appId } : {}),
        ...(options.certificateDays !== undefined ? { certificateDays: options.certificateDays } : {}),
      });
      const result = await setup(
        {
          ...tenantPorts,
          // The credential store is the fleet's hand-over: a secret is saved the moment it exists (a
          // certificate's key was saved when it was made, before the tenant was written).
          handOver: async (credential) => {
            if (credential.secret) {
              secretSaved = ports.store.saveSecret(key, credential.secret);
              await secretSaved;
            }
          },
        },
        request,
      );
      // The new credential is in the store: the tenant may now count it held (hand-over marker).
      await handedOver(tenantPorts, result.handOver);
      await record(entry, {
        stage: "done",
        tenantId: result.tenantId,
        clientId: result.clientId,
        ...(result.applicationObjectId ? { applicationObjectId: result.applicationObjectId } : {}),
        signIn: connected.signIn,
        ...(result.certificate
          ? { thumbprint: result.certificate.thumbprint, notAfter: result.certificate.notAfter }
          : {}),
      });
      done += 1;
      const proof = result.report ? `${result.report.complete ? "proven" : "proof pending"}` : "not proven";
      emit({ type: "tenant", ...base, status: "done", detail: `${result.summary.total} changes, ${proof}` });
    } catch (error) {
      // Whatever failed after a secret was made, the secret is in the store before the failure is told.
      await secretSaved?.catch(() => {});
      const summary = errorSummary(error);
      failures.push({ tenant: entry.tenant, label: entry.label, ...summary });
      await record(entry, {
        ...(state.tenants[fleetKey(entry.tenant)] ?? {}),
        stage: "failed",
        error: summary,
      }).catch(() => {});
      emit({ type: "tenant", ...base, status: "failed", detail: summary.message });
    }
  });
  return { total: entries.length, done, skipped, failed: failures.length, failures };
}
