/**
 * Reads the tenant and plans the changes for one app (core's observe, desiredFrom, plan), and
 * words the result for the review and check views.
 */
import type {
  AppKey,
  GraphPort,
  ObservedWithOrganization,
  Permission,
  Plan,
  PlanSummary,
} from "@boxafe-connect/core";
import {
  boxafeProfile,
  DEFAULT_RENEW_WITHIN_DAYS,
  desiredFrom,
  observe,
  permissionStatuses,
  permissionsView,
  plan,
  preflight,
  resolveProfile,
  resourceByAppId,
  summarizePlan,
} from "@boxafe-connect/core";
import type { Drift } from "../check/check-repair.js";
import { browserPorts } from "../platform.js";
import { reviewGroups } from "./review-rows.js";

const SECRET_NAME = "Boxafe";

/** What apply and verify need from the review. */
export interface Reviewed {
  readonly observed: ObservedWithOrganization;
  readonly plan: Plan;
  readonly permissions: readonly Permission[];
}

function keyOf(appId: string): string {
  return resourceByAppId(appId)?.key ?? appId;
}

/** What preflight needs from the signed-in session (the review runs it before planning). */
export interface PreflightAccess {
  readonly accessToken: () => Promise<string>;
  readonly graphWith: (extraScopes: readonly string[]) => Promise<GraphPort>;
}

export async function reviewTenant(
  graph: GraphPort,
  appKey: AppKey,
  displayName: string | undefined,
  wantedSecretDays: number,
  access?: PreflightAccess,
): Promise<{ readonly reviewed: Reviewed; readonly summary: PlanSummary; readonly drift: Drift }> {
  const observed = await observe({ ...browserPorts, graph }, appKey);
  const permissions = resolveProfile(boxafeProfile);
  const now = browserPorts.clock.now();
  // The tenant's rules first (read-only): the plan's secret then fits a lifetime cap, and the review lists them.
  const checked = access
    ? await preflight(
        { ...browserPorts, graph, policyGraph: access.graphWith },
        {
          accessToken: await access.accessToken(),
          observed,
          permissions,
          signedInWith: "browser",
          credentials: { secretDays: wantedSecretDays },
        },
      )
    : undefined;
  const secretDays = checked?.credentials.secretDays ?? wantedSecretDays;
  // This page makes a secret (a certificate comes after, in the SharePoint step); say so where secrets are blocked.
  const blocked =
    checked !== undefined && checked.credentials.secretDays === undefined
      ? [
          "This page creates a client secret, which the tenant blocks: run 'boxafe-connect setup --yes', which creates a certificate instead.",
        ]
      : [];
  const desired = desiredFrom(
    permissions,
    {
      appKey,
      displayName: displayName ?? observed.application?.displayName ?? "QNAP Boxafe",
      secret: {
        displayName: SECRET_NAME,
        lifetimeDays: secretDays,
        renewWithinDays: DEFAULT_RENEW_WITHIN_DAYS,
      },
    },
    now,
  );
  const planned = plan(desired, observed, now);
  const appId = observed.application?.appId;
  const summary = summarizePlan(planned);
  const drift: Drift = {
    appLabel: observed.application
      ? `${observed.application.displayName} (${observed.application.appId})`
      : desired.displayName,
    groups: reviewGroups(
      permissionsView(boxafeProfile, appId ? { appId } : {}),
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
  return { reviewed: { observed, plan: planned, permissions }, summary, drift };
}
