/**
 * Reads the tenant's rules in one $batch, or parses them from reads that rode in observe's batch
 * (policy-reads.ts); one more $batch only when the app exists and has app management policies to match:
 * GET policies/defaultAppManagementPolicy, policies/appManagementPolicies, policies/authorizationPolicy,
 * identity/conditionalAccess/policies (all need Policy.Read.All: learn.microsoft.com/graph/api/
 * tenantappmanagementpolicy-get, appmanagementpolicy-list, authorizationpolicy-get, conditionalaccessroot-list-policies),
 * and .../appliesTo (also Application.Read.All). A refused or failed read becomes a reason, never an exception.
 */

import { arr, obj, s, values } from "../engine/graph-shapes.js";
import { type GraphDeps, runRequests } from "../graph/batch-runner.js";
import { durationDays } from "./iso-duration.js";
import {
  POLICY_READS,
  type PolicyRead,
  type PolicyReads,
  policyReadOf,
  policyReadRequests,
} from "./policy-reads.js";
import type { CredentialRules } from "./types.js";

export type Readable<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: string };

export interface DeviceCodeBlock {
  readonly id: string;
  readonly displayName: string;
  readonly state: "enabled" | "enabledForReportingButNotEnforced";
  /** The Microsoft-managed "Block device code flow" policy (it cannot be renamed). */
  readonly microsoftManaged: boolean;
  /** True when it names the user, one of their roles or All; false when it may apply through a group. */
  readonly certain: boolean;
}

export interface TenantRules {
  readonly credentials: Readable<CredentialRules>;
  readonly allowedToCreateApps: Readable<boolean>;
  readonly deviceCodeBlocks: Readable<readonly DeviceCodeBlock[]>;
}

export interface RulesInput {
  /** Object id of our existing application, if any. */
  readonly applicationId?: string;
  readonly userId: string;
  /** Directory role template ids from the token's `wids`. */
  readonly roleIds: readonly string[];
  readonly now: number;
}

export const MANAGED_DEVICE_CODE_POLICY = "Block device code flow";
const WHO_READS =
  "reading it needs Policy.Read.All and a role such as Global Reader, Security Reader or Global Administrator";

function failure(read: PolicyRead | undefined, what: string): string {
  if (read?.kind === "refused") {
    const upstream = read.upstreamCode ? ` (${read.upstreamCode})` : "";
    return `Graph refused to read ${what}${upstream}: ${WHO_READS}.`;
  }
  return `Graph did not answer the read of ${what}.`;
}

function okBody(reads: PolicyReads, id: string): unknown {
  const r = reads[id];
  return r?.kind === "ok" ? r.body : undefined;
}

function rulesFrom(restrictions: unknown, policyId: string, appCreated: number): CredentialRules {
  const applies = (r: Record<string, unknown>) => {
    const state = s(r.state);
    const since = Date.parse(s(r.restrictForAppsCreatedAfterDateTime));
    return (state === "" || state === "enabled") && (Number.isNaN(since) || appCreated > since);
  };
  const find = (list: unknown, type: string) =>
    arr(list)
      .map(obj)
      .find((r) => s(r.restrictionType) === type && applies(r));
  const r = obj(restrictions);
  const secretCap = find(r.passwordCredentials, "passwordLifetime");
  const keyCap = find(r.keyCredentials, "asymmetricKeyLifetime");
  const maxSecretDays = secretCap ? durationDays(s(secretCap.maxLifetime)) : undefined;
  const maxCertificateDays = keyCap ? durationDays(s(keyCap.maxLifetime)) : undefined;
  const secretsBlocked = find(r.passwordCredentials, "passwordAddition") !== undefined;
  const trustedCaRequired = find(r.keyCredentials, "trustedCertificateAuthority") !== undefined;
  const any =
    secretsBlocked || trustedCaRequired || maxSecretDays !== undefined || maxCertificateDays !== undefined;
  return {
    ...(any ? { policyId } : {}),
    secretsBlocked,
    trustedCaRequired,
    ...(maxSecretDays !== undefined ? { maxSecretDays } : {}),
    ...(maxCertificateDays !== undefined ? { maxCertificateDays } : {}),
  };
}

function deviceCodeBlocks(body: unknown, input: RulesInput): DeviceCodeBlock[] {
  return values(body)
    .map(obj)
    .flatMap((p): DeviceCodeBlock[] => {
      const state = s(p.state);
      if (state !== "enabled" && state !== "enabledForReportingButNotEnforced") return [];
      const conditions = obj(p.conditions);
      const flows = s(obj(conditions.authenticationFlows).transferMethods)
        .split(",")
        .map((f) => f.trim());
      const block = arr(obj(p.grantControls).builtInControls).includes("block");
      if (!flows.includes("deviceCodeFlow") || !block) return [];
      const users = obj(conditions.users);
      const list = (v: unknown) => arr(v).map(s);
      const excluded =
        list(users.excludeUsers).includes(input.userId) ||
        list(users.excludeRoles).some((r) => input.roleIds.includes(r));
      if (excluded) return [];
      const named =
        list(users.includeUsers).includes("All") ||
        list(users.includeUsers).includes(input.userId) ||
        list(users.includeRoles).some((r) => input.roleIds.includes(r));
      const viaGroup = list(users.includeGroups).length > 0;
      if (!named && !viaGroup) return [];
      const displayName = s(p.displayName);
      return [
        {
          id: s(p.id),
          displayName,
          state,
          microsoftManaged: displayName === MANAGED_DEVICE_CODE_POLICY,
          certain: named,
        },
      ];
    });
}

/** The reads in their own $batch (when they did not ride in observe's). */
export async function readTenantRules(deps: GraphDeps, input: RulesInput): Promise<TenantRules> {
  const requests = policyReadRequests(
    input.applicationId ? `/applications/${input.applicationId}` : undefined,
  );
  const results = await runRequests(deps, requests, undefined, { keepGoing: true });
  const reads: Record<string, PolicyRead> = {};
  for (const r of requests) reads[r.id] = policyReadOf(results.get(r.id));
  return rulesFromReads(deps, reads, input);
}

/** The rules from the reads; `deps.graph` carries Policy.Read.All for the one dependent read (appliesTo). */
export async function rulesFromReads(
  deps: GraphDeps,
  first: PolicyReads,
  input: RulesInput,
): Promise<TenantRules> {
  const appCreated = Date.parse(s(obj(okBody(first, POLICY_READS.app)).createdDateTime));
  const created = Number.isNaN(appCreated) ? input.now : appCreated;

  let credentials: Readable<CredentialRules>;
  const tenantBody = okBody(first, POLICY_READS.tenant);
  const policiesBody = okBody(first, POLICY_READS.appPolicies);
  if (tenantBody === undefined) {
    credentials = {
      ok: false,
      reason: failure(first[POLICY_READS.tenant], "the tenant's default app management policy"),
    };
  } else if (policiesBody === undefined) {
    credentials = {
      ok: false,
      reason: failure(first[POLICY_READS.appPolicies], "the app management policies"),
    };
  } else {
    const tenant = obj(tenantBody);
    const tenantRules: CredentialRules =
      tenant.isEnabled === false
        ? { secretsBlocked: false, trustedCaRequired: false }
        : rulesFrom(tenant.applicationRestrictions, s(tenant.id), created);
    credentials = { ok: true, value: tenantRules };
    const policies = values(policiesBody).map(obj);
    if (input.applicationId && policies.length > 0) {
      // An app's own policy replaces the tenant default for it (learn.microsoft.com/graph/api/resources/appmanagementpolicy).
      const applies = await runRequests(
        deps,
        policies.slice(0, 20).map((p) => ({
          id: s(p.id),
          method: "GET" as const,
          url: `/policies/appManagementPolicies/${s(p.id)}/appliesTo?$select=id`,
        })),
        undefined,
        { keepGoing: true },
      );
      const appliesTo = (id: string) => {
        const r = applies.get(id);
        return r?.kind === "ok" ? r.response.body : undefined;
      };
      const own = policies.find((p) =>
        values(appliesTo(s(p.id))).some((o) => s(obj(o).id) === input.applicationId),
      );
      const unread = policies.find((p) => appliesTo(s(p.id)) === undefined);
      if (own) {
        credentials = {
          ok: true,
          value:
            own.isEnabled === false
              ? { secretsBlocked: false, trustedCaRequired: false }
              : rulesFrom(own.restrictions, s(own.id), created),
        };
      } else if (unread) {
        credentials = {
          ok: false,
          reason: failure(
            policyReadOf(applies.get(s(unread.id))),
            `which apps policy '${s(unread.id)}' applies to`,
          ),
        };
      }
    }
  }

  const authBody = okBody(first, POLICY_READS.authorization);
  const allowed = obj(obj(authBody).defaultUserRolePermissions).allowedToCreateApps;
  const allowedToCreateApps: Readable<boolean> =
    authBody === undefined || typeof allowed !== "boolean"
      ? { ok: false, reason: failure(first[POLICY_READS.authorization], "the authorization policy") }
      : { ok: true, value: allowed };

  const caBody = okBody(first, POLICY_READS.ca);
  const blocks: Readable<readonly DeviceCodeBlock[]> =
    caBody === undefined
      ? { ok: false, reason: failure(first[POLICY_READS.ca], "the Conditional Access policies") }
      : { ok: true, value: deviceCodeBlocks(caBody, input) };
  return { credentials, allowedToCreateApps, deviceCodeBlocks: blocks };
}
