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

export async function reviewTenant(
  graph: GraphPort,
  appKey: AppKey,
  displayName: string | undefined,
  secretDays: number,
): Promise<{ readonly reviewed: Reviewed; readonly summary: PlanSummary; readonly drift: Drift }> {
  const observed = await observe({ ...browserPorts, graph }, appKey);
  const permissions = resolveProfile(boxafeProfile);
  const now = browserPorts.clock.now();
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
    findings: summary.findings.map((f) => f.message),
  };
  return { reviewed: { observed, plan: planned, permissions }, summary, drift };
}
