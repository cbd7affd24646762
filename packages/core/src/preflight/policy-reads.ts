/**
 * The tenant-rule reads preflight needs, as independent GETs that ride in observe's $batch (no dependsOn:
 * Graph may run them in any order) when the admin's token carries Policy.Read.All, and what came back as
 * plain data (it travels with the observed tenant). Least privileged per Microsoft's permission tables
 * (learn.microsoft.com/graph/api/<page>): tenantappmanagementpolicy-get, appmanagementpolicy-list,
 * authorizationpolicy-get and conditionalaccessroot-list-policies all list Policy.Read.All (delegated); the
 * app's createdDateTime is an application-get (Application.ReadWrite.All, already held).
 */
import { isCoreError } from "../errors.js";
import type { RunRequest, RunResult } from "../graph/batch-runner.js";

export const POLICY_READS = {
  tenant: "policy:tenant",
  appPolicies: "policy:appPolicies",
  authorization: "policy:authorization",
  ca: "policy:ca",
  app: "policy:app",
} as const;

export type PolicyRead =
  | { readonly kind: "ok"; readonly body: unknown }
  /** Graph refused it (e.g. 403 without Policy.Read.All or a reader role), with Graph's error code. */
  | { readonly kind: "refused"; readonly upstreamCode?: string }
  | { readonly kind: "unanswered" };

export type PolicyReads = Readonly<Record<string, PolicyRead>>;

/** The reads; `appPath` (the app's URL, e.g. by uniqueName) adds its createdDateTime (policies apply by date). */
export function policyReadRequests(appPath?: string): RunRequest[] {
  return [
    { id: POLICY_READS.tenant, method: "GET", url: "/policies/defaultAppManagementPolicy" },
    { id: POLICY_READS.appPolicies, method: "GET", url: "/policies/appManagementPolicies" },
    { id: POLICY_READS.authorization, method: "GET", url: "/policies/authorizationPolicy" },
    { id: POLICY_READS.ca, method: "GET", url: "/identity/conditionalAccess/policies" },
    ...(appPath === undefined
      ? []
      : [
          {
            id: POLICY_READS.app,
            method: "GET" as const,
            url: `${appPath}?$select=id,createdDateTime`,
            absentOk: true,
          },
        ]),
  ];
}

export function policyReadOf(result: RunResult | undefined): PolicyRead {
  if (result?.kind === "ok") return { kind: "ok", body: result.response.body };
  if (result?.kind === "failed") {
    const code = isCoreError(result.error) ? result.error.upstreamCode : undefined;
    return { kind: "refused", ...(code ? { upstreamCode: code } : {}) };
  }
  return { kind: "unanswered" };
}

/** The policy reads out of a run's results (keepGoing: a refused read is an answer, not an exception). */
export function policyReadsOf(results: ReadonlyMap<string, RunResult>): PolicyReads {
  const out: Record<string, PolicyRead> = {};
  for (const id of Object.values(POLICY_READS)) {
    if (results.has(id)) out[id] = policyReadOf(results.get(id));
  }
  return out;
}
