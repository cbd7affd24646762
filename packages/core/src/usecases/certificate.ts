/**
 * certificate: SharePoint app-only access (Boxafe 1.5+). Use the certificate the admin holds (a
 * given file, or an earlier run's) or make a self-signed one through the maker port, add its public
 * part to the app with core's plan and executor unless it is there already, announce a new one,
 * then prove it with a SharePoint token. `sharePointValues` is the legacy alternative: the retired
 * appinv.aspx page's values, read-only.
 */
import { sharePointTenantName } from "../clouds.js";
import { certificateOption } from "../credentials/certificate-option.js";
import type { AppRequest } from "../requests/app-request.js";
import type { CertificateUseCaseRequest } from "../requests/certificate-request.js";
import { setupRequestSchema } from "../requests/setup-request.js";
import type { SharePointAppInv } from "../sharepoint/app-inv.js";
import { sharePointAppInv } from "../sharepoint/app-inv.js";
import type { PlanSummary } from "../tenant/describe.js";
import type { VerificationReport } from "../verify/verify.js";
import {
  addsCertificate,
  type CertificateSource,
  chooseCertificate,
  newCertificateOf,
} from "./choose-certificate.js";
import { observeApp, requireApp } from "./credentials.js";
import type { Emit } from "./events.js";
import { silent } from "./events.js";
import { heldCertificateHandOver, type PendingHandOver } from "./hand-over.js";
import type { AdminPorts, CertificateMaker, HandOverPort, MadeCertificate, ProofPorts } from "./ports.js";
import { prepare, replan } from "./prepare.js";
import { applyPrepared, sharePointNameOf } from "./setup.js";
import { prove } from "./verify-app.js";

export interface CertificatePorts<C extends MadeCertificate> extends AdminPorts {
  readonly proof: ProofPorts;
  readonly certificates: CertificateMaker<C>;
  /** Gets the certificate with its private key before the proof runs (see HandOverPort). */
  readonly handOver?: HandOverPort<C>;
}

export interface CertificateOutcome<C extends MadeCertificate> {
  readonly tenantId: string;
  readonly clientId: string;
  readonly certificate: C;
  /** "held": the admin's certificate (a file given or an earlier run's), "made": a new key pair. */
  readonly source: CertificateSource;
  /** False when the certificate was on the app already (nothing written to the tenant for it). */
  readonly added: boolean;
  readonly summary: PlanSummary;
  readonly report: VerificationReport;
  /** The private key is only in `certificate`: call `handedOver` once it is written or shown. */
  readonly handOver?: PendingHandOver;
}

export async function addCertificate<C extends MadeCertificate>(
  ports: CertificatePorts<C>,
  request: CertificateUseCaseRequest,
  emit: Emit = silent,
): Promise<CertificateOutcome<C>> {
  const setupRequest = setupRequestSchema.parse({
    ...(request.appId ? { appId: request.appId } : {}),
    ...(request.displayName ? { displayName: request.displayName } : {}),
    ...(request.profile ? { profile: request.profile } : {}),
    certificate: true,
    certificateDays: request.certificateDays,
  });
  const first = await prepare(ports, setupRequest, emit, { withSecret: false });
  const subject = first.desired.displayName;
  const chosen = await chooseCertificate(
    ports,
    subject,
    request.certificateDays,
    first.observed.application?.appId ?? request.appId,
    emit,
    first.observed.application,
  );
  const made = chosen.certificate;
  // The same tenant read, now with the certificate: one observe for the whole job.
  const prepared = replan(first, { withSecret: false, certificate: certificateOption(made, subject) });
  // Only a new key pair goes to the hand-over (its files); the admin already holds a reused one.
  const applied = await applyPrepared(ports, prepared, emit, newCertificateOf(chosen));
  // A reused certificate a killed run left marked pending: the admin holds its files, so confirm it.
  const handOver =
    applied.handOver ??
    (chosen.source === "held"
      ? heldCertificateHandOver(prepared.observed.application, made.thumbprint)
      : undefined);
  const sharePointTenant = sharePointNameOf(prepared.observed);
  const report = await prove(
    { ...ports, ...ports.proof },
    {
      tenantId: applied.tenantId,
      clientId: applied.clientId,
      credential: {
        kind: "certificate",
        certificatePem: made.certificatePem,
        privateKeyPem: made.privateKeyPem,
      },
      permissions: prepared.permissions.filter((p) => p.resource === "sharepoint"),
      ...(sharePointTenant ? { sharePointTenant } : {}),
    },
    emit,
  );
  return {
    tenantId: applied.tenantId,
    clientId: applied.clientId,
    certificate: made,
    source: chosen.source,
    added: addsCertificate(prepared.plan),
    summary: prepared.summary,
    report,
    ...(handOver ? { handOver } : {}),
  };
}

/** The legacy appinv.aspx values for an existing app (Azure ACS, retiring): read-only. */
export async function sharePointValues(
  ports: AdminPorts,
  request: AppRequest,
  emit: Emit = silent,
): Promise<SharePointAppInv & { readonly tenantId: string }> {
  const observed = await observeApp(ports, request, emit);
  const app = requireApp(observed, "Run setup first, or check --app-id.");
  return {
    tenantId: observed.organization.id,
    ...sharePointAppInv(sharePointTenantName(observed.organization.initialDomain), app.appId),
  };
}
