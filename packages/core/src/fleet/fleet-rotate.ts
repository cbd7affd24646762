/**
 * fleet rotate: every certificate due within N days renewed by the app itself (Graph addKey with a
 * proof signed by the current certificate: no admin sign-in), phase one of two: the new key pair goes
 * to the credential store before the tenant changes, is proven with a fresh token, and the current
 * certificate stays on the app until Boxafe holds the new one.
 */
import { proveCredential } from "../engine/prove-credential.js";
import type { RuntimePorts } from "../ports.js";
import { certificateRotateRequestSchema } from "../requests/certificate-request.js";
import { type CertificateRotatePorts, rotateCertificate } from "../usecases/certificate-rotate.js";
import type { MadeCertificate } from "../usecases/ports.js";
import type { CredentialStore } from "./credential-store.js";
import { errorSummary } from "./error-summary.js";
import type { FleetEntry } from "./fleet-file.js";
import type { FleetState, FleetTenantRecord } from "./fleet-state.js";
import { forEachOnboardedTenant } from "./onboarded-tenants.js";

const DAY_MS = 86_400_000;
/** How long an unproven certificate from an earlier run may take to sign in before it is re-added. */
const RESUME_PROOF_MS = 30_000;

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
    async ({ base, key, record, current, unproven }): Promise<RotateRow> => {
      const daysLeft = Math.floor((Date.parse(current.notAfter) - ports.clock.now()) / DAY_MS);
      const pending = unproven[0];
      // A certificate an earlier run saved (and maybe added) but never proved is finished first, due or not.
      if (pending === undefined && daysLeft > options.withinDays) {
        return { ...base, status: "not-due", daysLeft };
      }
      const at = () => new Date(ports.clock.now()).toISOString();
      const mark = async (change: (r: FleetTenantRecord) => FleetTenantRecord) => {
        state.tenants[key] = { ...change(state.tenants[key] ?? record), updatedAt: at() };
        await ports.saveState(state);
      };
      const rotatePorts = ports.rotatePorts(record.tenantId, record.clientId, current);
      try {
        if (pending !== undefined) {
          const resumed = await finishUnproven(ports, rotatePorts, record, pending, mark);
          if (resumed !== undefined) return { ...base, daysLeft, ...resumed };
        }
        const request = certificateRotateRequestSchema.parse({
          tenantId: record.tenantId,
          appId: record.clientId,
          applicationObjectId: record.applicationObjectId,
          ...(options.certificateDays !== undefined ? { certificateDays: options.certificateDays } : {}),
        });
        const outcome = await rotateCertificate(
          {
            ...rotatePorts,
            // An unproven certificate addKey never answered for is added again: no second key pair.
            ...(pending ? { certificates: { make: async () => pending } } : {}),
            // In the store first, and listed unproven (no keyId yet: addKey has not answered).
            keep: async (made) => {
              await ports.store.save(key, made);
              await mark((r) => ({ ...r, unproven: withThumbprint(r.unproven, made.thumbprint) }));
            },
            // addKey's keyId names the certificate for fleet retire (null: its answer was lost),
            // recorded before the proof so a run killed while proving leaves it named.
            added: (made, keyId) =>
              mark((r) => ({ ...r, keyIds: { ...r.keyIds, [made.thumbprint]: keyId ?? null } })),
          },
          request,
        );
        await mark((r) => proven(r, outcome.certificate));
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

function withThumbprint(list: readonly string[] | undefined, thumbprint: string): string[] {
  return [...new Set([...(list ?? []), thumbprint])];
}

/** The record once `made` signed in: it is the certificate the app accepts, no longer unproven. */
function proven(record: FleetTenantRecord, made: MadeCertificate): FleetTenantRecord {
  const unproven = (record.unproven ?? []).filter((t) => t !== made.thumbprint);
  const { unproven: _was, ...rest } = record;
  return {
    ...rest,
    thumbprint: made.thumbprint,
    notAfter: made.notAfter,
    ...(unproven.length > 0 ? { unproven } : {}),
  };
}

/**
 * An earlier run saved `pending` and was stopped before proving it. If it signs in now, the rotation is
 * done (no second addKey, no second key pair). If not and addKey had answered with a keyId, it is on
 * the app but not yet accepted: adding it again would double it, so the tenant waits for a re-run.
 * Otherwise (addKey never answered, or its answer was lost and the key still does not sign in) the
 * caller adds the same key pair again; undefined says so.
 */
async function finishUnproven<C extends MadeCertificate>(
  ports: RuntimePorts,
  rotate: Omit<CertificateRotatePorts<C>, "keep">,
  record: FleetTenantRecord & { readonly tenantId: string; readonly clientId: string },
  pending: C,
  mark: (change: (r: FleetTenantRecord) => FleetTenantRecord) => Promise<void>,
): Promise<Omit<RotateRow, "row" | "tenant" | "label"> | undefined> {
  const works = await proveCredential(
    { ...ports, appToken: rotate.appToken },
    {
      tenantId: record.tenantId,
      clientId: record.clientId,
      credential: {
        kind: "certificate",
        certificatePem: pending.certificatePem,
        privateKeyPem: pending.privateKeyPem,
      },
      cloud: rotate.cloud,
      // Its addKey (if any) was a run ago: a short window, then it is added again or reported.
      withinMs: RESUME_PROOF_MS,
    },
  );
  const shown = { thumbprint: pending.thumbprint, notAfter: pending.notAfter };
  if (works) {
    await mark((r) => proven(r, pending));
    return {
      status: "rotated",
      ...shown,
      detail:
        "an interrupted rotation finished: its new certificate is proven; the old one stays until Boxafe holds the new one",
    };
  }
  if (typeof record.keyIds?.[pending.thumbprint] === "string") {
    return {
      status: "failed",
      ...shown,
      detail:
        "the new certificate was added earlier but does not sign in yet; re-run fleet rotate later (it is not added twice)",
    };
  }
  return undefined;
}
