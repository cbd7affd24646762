/**
 * Reads the tenant and plans the changes for one app (core's prepare use case), checks the
 * tenant's rules first when the session allows it (core's preflight, read-only) and plans again
 * from the same read when they cap the secret's lifetime, then words the result for the review
 * and check views.
 */
import type { GraphPort, MadeCertificate, PlanSummary, Prepared, SetupRequest } from "@boxafe-connect/core";
import {
  boxafeCredentials,
  boxafeProfile,
  CoreError,
  certificateOption,
  certificateRequestFor,
  credentialRows,
  DEFAULT_SECRET_DAYS,
  permissionStatuses,
  permissionsView,
  preflight,
  prepare,
  replan,
  resourceByAppId,
} from "@boxafe-connect/core";
import type { Drift } from "../check/check-repair.js";
import { browserPorts } from "../platform.js";
import { reviewGroups } from "./review-rows.js";

/** What apply and verify need from the review: core's prepared plan. */
export type Reviewed = Prepared;

function keyOf(appId: string): string {
  return resourceByAppId(appId)?.key ?? appId;
}

/** What preflight needs from the signed-in session (the review runs it before planning). */
export interface PreflightAccess {
  readonly accessToken: () => Promise<string>;
  readonly graphWith: (extraScopes: readonly string[]) => Promise<GraphPort>;
  /** The sign-in's token carries Policy.Read.All: preflight's reads ride in observe's $batch (as the CLI). */
  readonly readPolicies?: boolean;
}

/** The same request with the secret ending `days` from now (a tenant cap need not be an offered lifetime). */
function cappedTo(request: SetupRequest, days: number, now: number): SetupRequest {
  const { secretLifetimeDays: _, ...rest } = request;
  return { ...rest, secretEndDate: new Date(now + days * 86_400_000).toISOString() };
}

/** Makes the certificate Boxafe 1.5 is handed (in this browser: the private key stays in the page). */
export type MakeCertificate<C extends MadeCertificate> = (request: {
  readonly subject: string;
  readonly days: number;
}) => Promise<C>;

export interface ReviewedTenant<C extends MadeCertificate> {
  readonly reviewed: Reviewed;
  readonly summary: PlanSummary;
  readonly drift: Drift;
  /** Made for a Boxafe 1.5 request; its public part is in the plan, its private key only here. */
  readonly certificate?: C;
}

export async function reviewTenant<C extends MadeCertificate = MadeCertificate>(
  graph: GraphPort,
  request: SetupRequest,
  access?: PreflightAccess,
  makeCertificate?: MakeCertificate<C>,
): Promise<ReviewedTenant<C>> {
  // The Boxafe version decides the credential (core's boxafe/version.ts); no version: a secret.
  const credentials = request.boxafe === undefined ? undefined : boxafeCredentials(request.boxafe);
  const withSecret = credentials?.secret ?? true;
  // With preflight to follow, its policy reads ride in observe's $batch (core's observeTenant): one read
  // batch, no request of their own; without them (declined) preflight falls back to `graphWith`.
  let prepared = await prepare(
    { ...browserPorts, graph, readPolicies: access?.readPolicies === true },
    request,
    undefined,
    { withSecret },
    { withPolicies: access !== undefined },
  );
  const { observed } = prepared;
  const wantedSecretDays = request.secretLifetimeDays ?? DEFAULT_SECRET_DAYS;
  // The tenant's rules (read-only): the plan's secret then fits a lifetime cap, and the review lists them.
  const checked = access
    ? await preflight(
        { ...browserPorts, graph, policyGraph: access.graphWith },
        {
          accessToken: await access.accessToken(),
          observed,
          permissions: prepared.permissions,
          signedInWith: "browser",
          credentials: { secretDays: wantedSecretDays },
          ...(observed.policies ? { policies: observed.policies } : {}),
        },
      )
    : undefined;
  const allowedDays = checked?.credentials.secretDays;
  if (withSecret && allowedDays !== undefined && allowedDays !== wantedSecretDays) {
    prepared = replan({ ...prepared, request: cappedTo(request, allowedDays, prepared.now) });
  }
  let certificate: C | undefined;
  if (credentials?.certificate === true) {
    if (!makeCertificate) {
      throw new CoreError("invalid_input", "This page cannot make certificates here.", { field: "boxafe" });
    }
    const subject = prepared.desired.displayName;
    certificate = await makeCertificate(certificateRequestFor(subject, request.certificateDays));
    prepared = replan(prepared, { withSecret, certificate: certificateOption(certificate, subject) });
  }
  // A secret-making plan (Boxafe 1.4) where the tenant blocks secrets: say what to do instead.
  const blocked =
    withSecret && checked !== undefined && allowedDays === undefined
      ? [
          "Boxafe 1.4 takes a client secret, which the tenant blocks: choose Boxafe 1.5 or later, which takes a certificate instead.",
        ]
      : [];
  const { desired, summary } = prepared;
  const appId = observed.application?.appId;
  const drift: Drift = {
    appLabel: observed.application
      ? `${observed.application.displayName} (${observed.application.appId})`
      : desired.displayName,
    groups: reviewGroups(
      permissionsView(request.profile ?? boxafeProfile, appId ? { appId } : {}),
      permissionStatuses(desired, observed),
      keyOf,
    ),
    changes: summary.actions,
    findings: [
      ...(blocked.length > 0 ? blocked : (checked?.credentials.reasons ?? [])),
      ...summary.findings.map((f) => f.message),
    ],
    ...(checked ? { preflight: checked.checks } : {}),
    ...(appId ? { appId, tenantId: observed.organization.id } : {}),
    // Every secret and certificate with days left and core's 60/30/7-day warning (check and repair lists them).
    ...(observed.application ? { credentials: credentialRows(observed.application, prepared.now) } : {}),
  };
  return { reviewed: prepared, summary, drift, ...(certificate ? { certificate } : {}) };
}
