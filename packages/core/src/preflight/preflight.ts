/**
 * The preflight use case: read the tenant's rules before anything is written, and say for each one
 * pass | warn | fail | unknown with the evidence and the fix. Read-only. Reading policies needs
 * Policy.Read.All: the CLI asks for it at sign-in and the reads ride in observe's $batch (`policies`, no round
 * trip of their own); otherwise they go through `policyGraph` (the web: a silent token with the extra scope).
 * A refusal makes those checks `unknown` and never fails the setup.
 */
import { decodeJwt } from "jose";
import type { Permission, ResourceKey } from "../catalog/types.js";
import { isUnheldKey, pendingIds } from "../credentials/hand-over-marker.js";
import { DEFAULT_RENEW_WITHIN_DAYS } from "../defaults.js";
import { CoreError } from "../errors.js";
import type { GraphDeps } from "../graph/batch-runner.js";
import type { GraphPort } from "../graph/port.js";
import type { ObservedTenant } from "../tenant/model.js";
import {
  credentialPolicyCheck,
  deviceCodeCheck,
  ewsUnknown,
  registrationCheck,
  resourcesCheck,
  roleCheck,
} from "./checks.js";
import { chooseCredentials } from "./credential-choice.js";
import type { PolicyReads } from "./policy-reads.js";
import { readTenantRules, rulesFromReads, type TenantRules } from "./tenant-rules.js";
import type { PreflightCheck, PreflightResult, WantedCredentials } from "./types.js";

/** The one extra delegated scope preflight asks for (least privileged for all four reads). */
export const PREFLIGHT_SCOPES = ["Policy.Read.All"] as const;
const DAY_MS = 86_400_000;

export interface PreflightDeps extends GraphDeps {
  /**
   * A Graph port whose token also carries PREFLIGHT_SCOPES; rejects when consent is refused. Not needed
   * when the request brings the reads (`policies`) or says the scope was declined.
   */
  readonly policyGraph?: (scopes: readonly string[]) => Promise<GraphPort>;
}

export interface PreflightRequest {
  /** The signed-in admin's delegated Graph token: `wids`, `oid` and the username are read from it. */
  readonly accessToken: string;
  readonly observed: ObservedTenant;
  readonly permissions: readonly Permission[];
  readonly signedInWith: "device" | "browser";
  readonly credentials: WantedCredentials;
  /** The EWS organisation state when the Exchange sign-in is available; unknown otherwise. */
  readonly ews?: PreflightCheck;
  /** The policy reads that rode in observe's $batch (the token carried Policy.Read.All). */
  readonly policies?: PolicyReads;
  /** Why the sign-in holds no Policy.Read.All (the admin or tenant declined it): those checks are unknown. */
  readonly policiesDeclined?: string;
}

function claimsOf(token: string): { roleIds: string[]; userId: string; username: string } {
  let claims: Record<string, unknown>;
  try {
    claims = decodeJwt(token);
  } catch {
    throw new CoreError(
      "sign_in_failed",
      "The sign-in did not return a readable access token. Sign in again.",
    );
  }
  const roleIds = Array.isArray(claims.wids)
    ? claims.wids.filter((w): w is string => typeof w === "string")
    : [];
  const username =
    typeof claims.upn === "string"
      ? claims.upn
      : typeof claims.preferred_username === "string"
        ? claims.preferred_username
        : "The signed-in account";
  return { roleIds, userId: typeof claims.oid === "string" ? claims.oid : "", username };
}

function unreadable(reason: string): TenantRules {
  const no = { ok: false as const, reason };
  return { credentials: no, allowedToCreateApps: no, deviceCodeBlocks: no };
}

function refusalReason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return `Policy.Read.All was not granted, so the tenant's policies could not be read (${text.slice(0, 300)}).`;
}

export async function preflight(deps: PreflightDeps, request: PreflightRequest): Promise<PreflightResult> {
  const { roleIds, userId, username } = claimsOf(request.accessToken);
  const application = request.observed.application;
  const input = {
    ...(application ? { applicationId: application.id } : {}),
    userId,
    roleIds,
    now: deps.clock.now(),
  };
  let rules: TenantRules;
  try {
    if (request.policiesDeclined !== undefined) throw new Error(request.policiesDeclined);
    if (request.policies !== undefined) rules = await rulesFromReads(deps, request.policies, input);
    else {
      if (deps.policyGraph === undefined) throw new Error("this front end cannot ask for it");
      const graph = await deps.policyGraph(PREFLIGHT_SCOPES);
      rules = await readTenantRules({ ...deps, graph }, input);
    }
  } catch (error) {
    rules = unreadable(refusalReason(error));
  }
  // A certificate the app already holds beyond the renewal window: a re-run where secrets are blocked adds none.
  const renewBy = deps.clock.now() + DEFAULT_RENEW_WITHIN_DAYS * DAY_MS;
  const pending = pendingIds(application?.tags);
  const held = application?.keyCredentials.find(
    (k) => Date.parse(k.endDateTime) > renewBy && !isUnheldKey(k, pending),
  );
  const credentials = chooseCredentials(
    rules.credentials.ok ? rules.credentials.value : undefined,
    request.credentials,
    held,
  );
  const needed = [...new Set(request.permissions.map((p) => p.resource))] as ResourceKey[];
  const missing = needed.filter((key) => request.observed.resources[key] === undefined);
  const checks: PreflightCheck[] = [
    roleCheck(roleIds, username),
    registrationCheck(rules.allowedToCreateApps, roleIds, application !== undefined),
    credentialPolicyCheck(rules.credentials, credentials),
    deviceCodeCheck(rules.deviceCodeBlocks, request.signedInWith),
    resourcesCheck(missing),
    request.ews ?? ewsUnknown(),
  ];
  const blocked = rules.deviceCodeBlocks.ok && rules.deviceCodeBlocks.value.length > 0;
  return {
    checks,
    ok: checks.every((c) => c.status !== "fail"),
    credentialRules: rules.credentials.ok ? rules.credentials.value : undefined,
    signInFlow: blocked || request.signedInWith === "browser" ? "browser" : "device",
    credentials,
  };
}
