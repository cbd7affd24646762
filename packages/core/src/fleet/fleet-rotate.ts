/**
 * fleet rotate: every certificate due within N days renewed by the app itself (Graph addKey with a
 * proof signed by the current certificate: no admin sign-in), phase one of two: the new key pair goes
 * to the credential store before the tenant changes, is proven with a fresh token, and the current
 * certificate stays on the app until Boxafe holds the new one.
 */
import type { RuntimePorts } from "../ports.js";
import { certificateRotateRequestSchema } from "../requests/certificate-request.js";
import { type CertificateRotatePorts, rotateCertificate } from "../usecases/certificate-rotate.js";
import type { MadeCertificate } from "../usecases/ports.js";
import type { CredentialStore } from "./credential-store.js";
import { errorSummary } from "./error-summary.js";
import type { FleetEntry } from "./fleet-file.js";
import type { FleetState } from "./fleet-state.js";
import { forEachOnboardedTenant } from "./onboarded-tenants.js";

const DAY_MS = 86_400_000;

export interface FleetRotatePorts<C extends MadeCertificate> extends RuntimePorts {
  readonly store: CredentialStore<C>;
  /** Ports acting as the app with its current certificate (no admin); `keep` is the store's. */
  rotatePorts(tenantId: string, clientId: string, current: C): Omit<CertificateRotatePorts<C>, "keep">;
  saveState(state: FleetState): Promise<void>;
}

export type RotateStatus = "rotated" | "not-due" | "skipped" | "failed";

export interface RotateRow {
  readonly row: number;
  readonly tenant: string;
  readonly label: string;
  readonly status: RotateStatus;
  readonly daysLeft?: number;
  readonly thumbprint?: string;
  readonly notAfter?: string;
  readonly detail?: string;
}

export interface FleetRotateOptions {
  readonly withinDays: number;
  readonly concurrency: number;
  readonly certificateDays?: number;
}

export async function fleetRotate<C extends MadeCertificate>(
  ports: FleetRotatePorts<C>,
  entries: readonly FleetEntry[],
  state: FleetState,
  options: FleetRotateOptions,
  onTenant: (row: RotateRow) => void | Promise<void>,
): Promise<Readonly<Record<RotateStatus, number>>> {
  return forEachOnboardedTenant(
    ports.store,
    entries,
    state,
    { concurrency: options.concurrency, counts: { rotated: 0, "not-due": 0, skipped: 0, failed: 0 } },
    (base, detail): RotateRow => ({ ...base, status: "skipped", detail }),
    async ({ base, key, record, current }): Promise<RotateRow> => {
      const daysLeft = Math.floor((Date.parse(current.notAfter) - ports.clock.now()) / DAY_MS);
      if (daysLeft > options.withinDays) {
        return { ...base, status: "not-due", daysLeft };
      }
      try {
        const request = certificateRotateRequestSchema.parse({
          tenantId: record.tenantId,
          appId: record.clientId,
          applicationObjectId: record.applicationObjectId,
          ...(options.certificateDays !== undefined ? { certificateDays: options.certificateDays } : {}),
        });
        const outcome = await rotateCertificate(
          {
            ...ports.rotatePorts(record.tenantId, record.clientId, current),
            keep: (made) => ports.store.save(key, made),
          },
          request,
        );
        state.tenants[key] = {
          ...record,
          thumbprint: outcome.certificate.thumbprint,
          notAfter: outcome.certificate.notAfter,
          // addKey's keyId names the certificate for fleet retire (null: its answer was lost).
          keyIds: { ...record.keyIds, [outcome.certificate.thumbprint]: outcome.keyId ?? null },
          updatedAt: new Date(ports.clock.now()).toISOString(),
        };
        await ports.saveState(state);
        return {
          ...base,
          status: "rotated",
          daysLeft,
          thumbprint: outcome.certificate.thumbprint,
          notAfter: outcome.certificate.notAfter,
          detail: "new certificate proven; the old one stays until Boxafe holds the new one",
        };
      } catch (error) {
        return { ...base, status: "failed", daysLeft, detail: errorSummary(error).message };
      }
    },
    onTenant,
  );
}
