/**
 * setup = prepare + apply + hand-over values + proof. `applyPrepared` is the write half the
 * wizard's apply step runs too; `setup` is the whole job in one call (the API, tests). A re-run
 * with nothing to do writes nothing; a new secret is announced (`credential`) before the proof.
 */
import { boxafeCredentials, needsCertificate } from "../boxafe/version.js";
import type { Permission } from "../catalog/types.js";
import { sharePointTenantName } from "../clouds.js";
import { certificateOption } from "../credentials/certificate-option.js";
import type { NewSecret } from "../engine/add-password.js";
import type { ApplyResult } from "../engine/apply.js";
import { apply } from "../engine/apply.js";
import type { ObservedWithOrganization } from "../engine/observe.js";
import { CoreError } from "../errors.js";
import type { SetupRequest } from "../requests/setup-request.js";
import type { PlanSummary } from "../tenant/describe.js";
import { notRunReport, type ProofNotRunReason } from "../verify/not-run.js";
import type { ClientCredential } from "../verify/port.js";
import type { VerificationReport } from "../verify/verify.js";
import {
  type CertificateChoice,
  type CertificateSource,
  chooseCertificate,
  type KeptCertificate,
  newCertificateOf,
} from "./choose-certificate.js";
import type { Emit } from "./events.js";
import { silent } from "./events.js";
import { handedOver, type PendingHandOver } from "./hand-over.js";
import type { AdminPorts, CertificateMaker, HandOverPort, MadeCertificate, ProofPorts } from "./ports.js";
import type { Prepared } from "./prepare.js";
import { prepare, replan, reporting } from "./prepare.js";
import { prove } from "./verify-app.js";

export interface Applied {
  readonly tenantId: string;
  readonly clientId: string;
  readonly applicationObjectId: string | null;
  readonly servicePrincipalId: string | null;
  readonly displayName: string;
  readonly secret?: NewSecret;
  /** Undefined when the plan was empty (nothing written). */
  readonly result?: ApplyResult;
  /**
   * Present while a new credential waits for `handedOver` (usecases/hand-over.ts): the adapter
   * calls it once the secret / private key is in the admin's hands.
   */
  readonly handOver?: PendingHandOver;
  readonly stats: { readonly requests: number; readonly roundTrips: number };
}

/** The SharePoint name of the tenant from its initial domain; undefined when it is not one. */
export function sharePointNameOf(observed: ObservedWithOrganization): string | undefined {
  try {
    return sharePointTenantName(observed.organization.initialDomain) || undefined;
  } catch {
    return undefined;
  }
}

/** Applies a prepared plan (nothing when it is empty) and hands a new credential over at once. */
export async function applyPrepared<C extends MadeCertificate = MadeCertificate>(
  ports: AdminPorts & { readonly handOver?: HandOverPort<C> },
  prepared: Prepared,
  emit: Emit = silent,
  certificate?: C,
): Promise<Applied> {
  const { observed, summary } = prepared;
  let result: ApplyResult | undefined;
  if (summary.total > 0) {
    emit({ type: "start", task: "apply", total: summary.total });
    result = await apply(reporting(ports, emit), prepared.plan, observed);
    emit({ type: "applied", result, total: summary.total });
  }
  const clientId = result?.application.appId ?? observed.application?.appId;
  if (clientId === undefined) {
    throw new CoreError(
      "internal_error",
      "The app has no Application (client) ID after apply; run setup again.",
    );
  }
  const tenantId = observed.organization.id;
  if (result?.secret || certificate) {
    await ports.handOver?.({
      clientId,
      tenantId,
      ...(result?.secret ? { secret: result.secret } : {}),
      ...(certificate ? { certificate } : {}),
    });
    emit({
      type: "credential",
      clientId,
      tenantId,
      ...(result?.secret ? { secret: result.secret } : {}),
      ...(certificate
        ? { certificate: { thumbprint: certificate.thumbprint, notAfter: certificate.notAfter } }
        : {}),
    });
  }
  return {
    tenantId,
    clientId,
    applicationObjectId: result?.application.id ?? observed.application?.id ?? null,
    servicePrincipalId: result?.servicePrincipalId ?? observed.servicePrincipal?.id ?? null,
    displayName: prepared.desired.displayName,
    ...(result?.secret ? { secret: result.secret } : {}),
    ...(result ? { result } : {}),
    ...(result?.handOver ? { handOver: result.handOver } : {}),
    stats: result
      ? { requests: result.requests, roundTrips: result.roundTrips }
      : { requests: 0, roundTrips: 0 },
  };
}

export interface SetupPorts<C extends MadeCertificate = MadeCertificate> extends AdminPorts {
  /** Without it setup does not prove the credential (the API answers before consent replicates). */
  readonly proof?: ProofPorts;
  /** Needed when the request asks for a certificate. */
  readonly certificates?: CertificateMaker<C>;
  /** Where a new secret or certificate goes first (see HandOverPort). */
  readonly handOver?: HandOverPort<C>;
}

export interface SetupOptions {
  /** A secret the caller already holds, to prove when setup makes no new one. */
  readonly knownSecret?: string;
}

export interface SetupResult<C extends MadeCertificate = MadeCertificate> extends Applied {
  readonly observed: ObservedWithOrganization;
  readonly permissions: readonly Permission[];
  readonly summary: PlanSummary;
  readonly certificate?: C;
  /**
   * "held": the admin's certificate was reused (no files to write); "made": a new key pair; "kept":
   * the app's certificate from an earlier run stays (keptCertificate), nothing made or written.
   */
  readonly certificateSource?: CertificateSource | "kept";
  readonly keptCertificate?: KeptCertificate;
  /**
   * No proof ran (never reported as working): the kept certificate's key, or the app's existing
   * secret (none made, none given), is held elsewhere. `report` then says so too (`report.notRun`).
   */
  readonly notRun?: ProofNotRunReason;
  readonly report?: VerificationReport;
}

/**
 * The credential Boxafe will hold, which the proof must use: the certificate for Boxafe 1.5 (made
 * now), the secret otherwise (made now or already known).
 */
export function proofCredential(
  request: Pick<SetupRequest, "boxafe">,
  applied: Pick<Applied, "secret">,
  made: MadeCertificate | undefined,
  knownSecret?: string,
): ClientCredential | undefined {
  if (request.boxafe === "1.5" && made) {
    return { kind: "certificate", certificatePem: made.certificatePem, privateKeyPem: made.privateKeyPem };
  }
  const secret = applied.secret?.secretText ?? knownSecret;
  return secret ? { kind: "secret", secret } : undefined;
}

export async function setup<C extends MadeCertificate = MadeCertificate>(
  ports: SetupPorts<C>,
  request: SetupRequest,
  emit: Emit = silent,
  options: SetupOptions = {},
): Promise<SetupResult<C>> {
  const credentials = request.boxafe === undefined ? undefined : boxafeCredentials(request.boxafe);
  const withSecret = credentials?.secret ?? true;
  let prepared = await prepare(ports, request, emit, { withSecret });
  let chosen: CertificateChoice<C> | undefined;
  if (needsCertificate(request)) {
    chosen = await chooseCertificate(
      ports,
      prepared.desired.displayName,
      request.certificateDays,
      prepared.observed.application?.appId,
      emit,
      prepared.observed.application,
      { now: prepared.now, newCertificate: request.newCertificate },
    );
    if (chosen.source !== "kept")
      prepared = replan(prepared, {
        withSecret,
        certificate: certificateOption(chosen.certificate, prepared.desired.displayName),
      });
  }
  const made = chosen?.source === "kept" ? undefined : chosen?.certificate;
  const kept = chosen?.source === "kept" ? chosen.kept : undefined;
  // Only a new key pair goes to the hand-over (files); the admin already holds a reused one.
  const applied = await applyPrepared(ports, prepared, emit, newCertificateOf(chosen));
  // The secret went out in the `credential` event (the adapter prints it there); a certificate's
  // private key only leaves in the result, so its hand-over is the caller's (`result.handOver`).
  const pendingAfter = made ? applied.handOver : undefined;
  // The secret is in the admin's hands (the credential event): its pending mark is cleared alongside the
  // proof, not before it, so the PATCH adds no round trip of its own; both are awaited.
  const clearing = made ? Promise.resolve() : handedOver(ports, applied.handOver, emit);
  const sharePointTenant = sharePointNameOf(prepared.observed);
  const credential = proofCredential(request, applied, made, options.knownSecret);
  const proving =
    ports.proof && credential
      ? prove(
          { ...ports, ...ports.proof },
          {
            tenantId: applied.tenantId,
            clientId: applied.clientId,
            credential,
            permissions: prepared.permissions,
            graph: ports.graph,
            ...(sharePointTenant ? { sharePointTenant } : {}),
          },
          emit,
        )
      : Promise.resolve(undefined);
  const [cleared, proved] = await Promise.allSettled([clearing, proving]);
  if (cleared.status === "rejected") throw cleared.reason;
  if (proved.status === "rejected") throw proved.reason;
  // Proof asked for but nothing here to prove with: a report that says it did not run, never complete.
  const notRun = credential ? undefined : kept ? "certificate-held-elsewhere" : "secret-held-elsewhere";
  const report =
    proved.value ??
    (ports.proof && notRun ? notRunReport(notRun, new Date(ports.clock.now()).toISOString()) : undefined);
  const { handOver: _confirmed, ...rest } = applied;
  return {
    ...rest,
    ...(pendingAfter ? { handOver: pendingAfter } : {}),
    observed: prepared.observed,
    permissions: prepared.permissions,
    summary: prepared.summary,
    ...(made ? { certificate: made } : {}),
    ...(chosen ? { certificateSource: chosen.source } : {}),
    ...(kept ? { keptCertificate: kept } : {}),
    ...(notRun ? { notRun } : {}),
    ...(report ? { report } : {}),
  };
}
