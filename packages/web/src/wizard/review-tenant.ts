/**
 * Words core's plan for the review and check views: what the tenant holds, what will change, the
 * tenant's rules (core's preflight, run by the setup session between the read and the plan) and
 * every credential with its days left. Core planned it all (page-session.ts); nothing is decided here.
 */
import type { PreflightResult, Prepared } from "@boxafe-connect/core";
import {
  boxafeProfile,
  credentialRows,
  permissionStatuses,
  permissionsView,
  resourceByAppId,
} from "@boxafe-connect/core";
import type { Drift } from "../check/check-repair.js";
import { reviewGroups } from "./review-rows.js";

/** What apply and verify need from the review: core's prepared plan. */
export type Reviewed = Prepared;

function keyOf(appId: string): string {
  return resourceByAppId(appId)?.key ?? appId;
}

export function driftOf(prepared: Prepared, checked: PreflightResult | undefined): Drift {
  const { observed, desired, summary, request } = prepared;
  const appId = observed.application?.appId;
  return {
    appLabel: observed.application
      ? `${observed.application.displayName} (${observed.application.appId})`
      : desired.displayName,
    groups: reviewGroups(
      permissionsView(request.profile ?? boxafeProfile, appId ? { appId } : {}),
      permissionStatuses(desired, observed),
      keyOf,
    ),
    changes: summary.actions,
    // Core's reasons for the credentials it plans (a lifetime cap, secrets blocked: a certificate instead).
    findings: [...(checked?.credentials.reasons ?? []), ...summary.findings.map((f) => f.message)],
    ...(checked ? { preflight: checked.checks } : {}),
    ...(appId ? { appId, tenantId: observed.organization.id } : {}),
    // Every secret and certificate with days left and core's 60/30/7-day warning (check and repair lists them).
    ...(observed.application ? { credentials: credentialRows(observed.application, prepared.now) } : {}),
  };
}
