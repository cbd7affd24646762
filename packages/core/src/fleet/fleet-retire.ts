/**
 * fleet retire: phase two of fleet rotate, no admin sign-in. Per tenant, the newest stored
 * certificate (the one Boxafe now holds) proves itself with a fresh token, then the older stored
 * ones go from the app through removeKey signed by the newest (core's retireCertificatesSelf:
 * selection by planRetirement, --keep, --older-than). A certificate leaves the store only after it
 * left the app, so a key stays on disk while the app still trusts it; a re-run converges.
 */
import { z } from "zod";
import { certificateKeyId } from "../credentials/certificate-key-id.js";
import type { RuntimePorts } from "../ports.js";
import { certificateRetireRequestSchema } from "../requests/certificate-request.js";
import { keepField, olderThanDaysField } from "../requests/rotate-request.js";
import { type CertificateRetirePorts, retireCertificatesSelf } from "../usecases/certificate-retire.js";
import type { MadeCertificate } from "../usecases/ports.js";
import type { CredentialStore } from "./credential-store.js";
import { errorSummary } from "./error-summary.js";
import type { FleetEntry } from "./fleet-file.js";
import type { FleetState, FleetTenantRecord } from "./fleet-state.js";
import { forEachOnboardedTenant } from "./onboarded-tenants.js";

export interface FleetRetirePorts<C extends MadeCertificate> extends RuntimePorts {
  readonly store: CredentialStore<C>;
  /** Ports acting as the app with its newest certificate (no admin). */
  retirePorts(tenantId: string, clientId: string, newest: C): CertificateRetirePorts;
  /** When a certificate became valid (its notBefore, read from the certificate). */
  validFrom(certificate: C): string;
  saveState(state: FleetState): Promise<void>;
}

export type RetireStatus = "retired" | "nothing-to-retire" | "skipped" | "failed";

export interface RetireRow {
  readonly row: number;
  readonly tenant: string;
  readonly label: string;
  readonly status: RetireStatus;
  readonly thumbprint?: string;
  readonly removed?: readonly string[];
  readonly detail?: string;
}

/** --keep and --older-than, checked once before any tenant (the same rules as certificate retire). */
export const fleetRetireOptionsSchema = z.strictObject({
  keep: keepField,
  olderThanDays: olderThanDaysField.optional(),
});

export interface FleetRetireOptions extends Partial<z.output<typeof fleetRetireOptionsSchema>> {
  readonly concurrency: number;
}

/** The keyId of a stored certificate: fleet rotate's record of addKey, else setup's derived one. */
function keyIdOf(record: FleetTenantRecord, thumbprint: string): string | null {
  const recorded = record.keyIds?.[thumbprint];
  return recorded === undefined ? certificateKeyId(thumbprint) : recorded;
}

export async function fleetRetire<C extends MadeCertificate>(
  ports: FleetRetirePorts<C>,
  entries: readonly FleetEntry[],
  state: FleetState,
  options: FleetRetireOptions,
  onTenant: (row: RetireRow) => void | Promise<void>,
): Promise<Readonly<Record<RetireStatus, number>>> {
  return forEachOnboardedTenant(
    ports.store,
    entries,
    state,
    {
      concurrency: options.concurrency,
      counts: { retired: 0, "nothing-to-retire": 0, skipped: 0, failed: 0 },
    },
    (base, detail): RetireRow => ({ ...base, status: "skipped", detail }),
    async ({ base, key, record, current: newest, unproven }): Promise<RetireRow> => {
      const row = { ...base, thumbprint: newest.thumbprint };
      // A certificate rotate saved but never proved is newer than the holder: never retired, never the prover.
      const later = new Set(unproven.map((c) => c.thumbprint));
      const older = (await ports.store.all(key)).filter(
        (c) => c.thumbprint !== newest.thumbprint && !later.has(c.thumbprint),
      );
      // addKey's answer was lost for these: removeKey cannot name them, so they stay (and on disk).
      const unnamed = older.filter((c) => keyIdOf(record, c.thumbprint) === null).length;
      const named = older.filter((c) => keyIdOf(record, c.thumbprint) !== null);
      const note =
        (unnamed > 0 ? `; ${unnamed} kept whose keyId is unknown (addKey's answer was lost)` : "") +
        (later.size > 0 ? `; ${later.size} newer one not proven yet (fleet rotate finishes it)` : "");
      if (named.length === 0) {
        return { ...row, status: "nothing-to-retire", detail: `no older certificate stored${note}` };
      }
      try {
        const keys = [newest, ...named].flatMap((c) => {
          const keyId = keyIdOf(record, c.thumbprint);
          return keyId === null
            ? []
            : [
                {
                  keyId,
                  thumbprint: c.thumbprint,
                  startDateTime: ports.validFrom(c),
                  endDateTime: c.notAfter,
                },
              ];
        });
        const request = certificateRetireRequestSchema.parse({
          tenantId: record.tenantId,
          appId: record.clientId,
          applicationObjectId: record.applicationObjectId,
          newestThumbprint: newest.thumbprint,
          newestStart: ports.validFrom(newest),
          keys,
          ...(options.keep !== undefined ? { keep: options.keep } : {}),
          ...(options.olderThanDays !== undefined ? { olderThanDays: options.olderThanDays } : {}),
        });
        const outcome = await retireCertificatesSelf(
          ports.retirePorts(record.tenantId, record.clientId, newest),
          request,
        );
        const removed = new Set(outcome.removedKeyIds);
        const gone = named.filter((c) => removed.has(keyIdOf(record, c.thumbprint) ?? ""));
        // Only now, with each one off the app, do their private keys leave the store.
        for (const c of gone) await ports.store.drop(key, c.thumbprint);
        if (gone.length > 0 && record.keyIds) {
          const keyIds = { ...record.keyIds };
          for (const c of gone) delete keyIds[c.thumbprint];
          state.tenants[key] = { ...record, keyIds, updatedAt: new Date(ports.clock.now()).toISOString() };
          await ports.saveState(state);
        }
        const kept = named.length - gone.length;
        return gone.length === 0
          ? {
              ...row,
              status: "nothing-to-retire",
              detail: `newest proven; ${kept} older kept (--keep/--older-than)${note}`,
            }
          : {
              ...row,
              status: "retired",
              removed: gone.map((c) => c.thumbprint),
              detail: `newest proven, ${gone.length} older removed from the app and the store${kept ? `, ${kept} kept` : ""}${note}`,
            };
      } catch (error) {
        // The store keeps every older certificate; a re-run finds any already removed gone and drops it.
        return { ...row, status: "failed", detail: errorSummary(error).message };
      }
    },
    onTenant,
  );
}
