/**
 * Reads the tenant and plans the changes for one app (core's prepare use case), checks the
 * tenant's rules first when the session allows it (core's preflight, read-only) and plans again
 * from the same read when they cap the secret's lifetime, then words the result for the review
 * and check views.
 */
import type { GraphPort, PlanSummary, Prepared, SetupRequest } from "@boxafe-connect/core";
import {
  boxafeProfile,
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
}

/** The same request with the secret ending `days` from now (a tenant cap need not be an offered lifetime). */
function cappedTo(request: SetupRequest, days: number, now: number): SetupRequest {
  const { secretLifetimeDays: _, ...rest } = request;
  return { ...rest, secretEndDate: new Date(now + days * 86_400_000).toISOString() };
}

export async function reviewTenant(
  graph: GraphPort,
  request: SetupRequest,
  access?: PreflightAccess,
): Promise<{ readonly reviewed: Reviewed; readonly summary: PlanSummary; readonly drift: Drift }> {
  let prepared = await prepare({ ...browserPorts, graph }, request);
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
        },
      )
    : undefined;
  const allowedDays = checked?.credentials.secretDays;
  if (allowedDays !== undefined && allowedDays !== wantedSecretDays) {
    prepared = replan({ ...prepared, request: cappedTo(request, allowedDays, prepared.now) });
  }
  // This page makes a secret (a certificate comes after, in the SharePoint step); say so where secrets are blocked.
  const blocked =
    checked !== undefined && allowedDays === undefined
      ? [
          "This page creates a client secret, which the tenant blocks: run 'boxafe-connect setup --yes', which creates a certificate instead.",
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
  };
  return { reviewed: prepared, summary, drift };
}
