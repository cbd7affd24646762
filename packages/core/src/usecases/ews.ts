/**
 * The `ews` use case: `status` reads the organization's EWS policy through Exchange Online's admin
 * REST; `allow` reads it, merges this app's id into EwsAllowedAppIDs, writes the whole list with
 * EwsEnabled $true and reads it back. A change that leaves other apps without EWS is refused unless
 * the request confirms it explicitly. Every result carries the equivalent PowerShell. Whether EWS
 * really answers is proven by a real call as the app (proveWorkloads): until then the state is
 * "pending (up to 24 h)".
 */
import type { CloudEndpoints } from "../clouds.js";
import { invokeCmdlet } from "../exchange/admin-api.js";
import { type EwsChange, planEwsAllow } from "../exchange/ews-change.js";
import { type EwsPolicy, parseEwsPolicy, policyAllows, userAgentCaveat } from "../exchange/ews-policy.js";
import { ewsPowerShell } from "../exchange/ews-powershell.js";
import type { RuntimePorts } from "../ports.js";
import type { DelegatedTokenPort } from "../verify/port.js";
import type { HttpPort } from "../workloads/http-port.js";

export interface EwsDeps extends RuntimePorts {
  readonly http: HttpPort;
  /** The admin's delegated token for the Exchange resource (Exchange Online PowerShell client). */
  readonly exchangeToken: DelegatedTokenPort;
}

export interface EwsTarget {
  readonly tenantId: string;
  readonly initialDomain: string;
  readonly cloud: CloudEndpoints;
  /** The Boxafe app's Application (client) ID. */
  readonly appId: string;
  /** For the PowerShell text's Connect-ExchangeOnline line. */
  readonly adminUpn?: string;
}

/** allowed: the policy lets this app in (EWS itself may still be pending); blocked: it does not. */
export type EwsPolicyState = "allowed" | "blocked";

export interface EwsStatusResult {
  readonly policy: EwsPolicy;
  readonly state: EwsPolicyState;
  /** Why the app is blocked, or a user-agent policy that may still block it. */
  readonly notes: readonly string[];
  readonly powershell: string;
}

export type EwsAllowOutcome = "unchanged" | "written" | "needs-confirmation";

export interface EwsAllowResult {
  readonly outcome: EwsAllowOutcome;
  readonly before: EwsPolicy;
  /** The policy read back after the write (undefined when nothing was written). */
  readonly after: EwsPolicy | undefined;
  readonly change: EwsChange;
  readonly state: EwsPolicyState;
  readonly notes: readonly string[];
  readonly powershell: string;
}

async function readPolicy(deps: EwsDeps, target: EwsTarget, token: string): Promise<EwsPolicy> {
  const value = await invokeCmdlet(deps.http, deps.sleep, target, token, "Get-OrganizationConfig", {
    RetrieveEwsOperationAccessPolicy: true,
  });
  return parseEwsPolicy(value[0] ?? {});
}

function notesFor(policy: EwsPolicy, appId: string): string[] {
  const notes: string[] = [];
  if (policy.ewsEnabled !== true) {
    notes.push(
      policy.ewsEnabled === false
        ? "EWS is turned off for the organization (EwsEnabled $false): no app can use it."
        : "EwsEnabled is unset ($null): Exchange Online blocks EWS for such tenants since 2026-10-01.",
    );
  } else if (!policyAllows(policy, appId)) {
    notes.push(
      `This app is not on the EWS allow list (EwsAllowedAppIDs: ${(policy.allowedAppIds ?? []).join(", ")}).`,
    );
  }
  const caveat = userAgentCaveat(policy);
  if (caveat) notes.push(caveat);
  return notes;
}

export async function ewsStatus(deps: EwsDeps, target: EwsTarget): Promise<EwsStatusResult> {
  const token = await deps.exchangeToken.getAccessToken();
  const policy = await readPolicy(deps, target, token);
  return {
    policy,
    state: policyAllows(policy, target.appId) ? "allowed" : "blocked",
    notes: notesFor(policy, target.appId),
    powershell: ewsPowerShell(target.appId, target.cloud.name, target.adminUpn),
  };
}

export interface EwsAllowRequest extends EwsTarget {
  /** The admin said yes to a change that blocks other apps (--confirm-ews-change); --yes alone is not it. */
  readonly confirmNarrowing: boolean;
}

export async function ewsAllow(deps: EwsDeps, request: EwsAllowRequest): Promise<EwsAllowResult> {
  const token = await deps.exchangeToken.getAccessToken();
  const before = await readPolicy(deps, request, token);
  const change = planEwsAllow(before, request.appId);
  const powershell = ewsPowerShell(request.appId, request.cloud.name, request.adminUpn);
  const base = { before, change, powershell };
  if (change.write === undefined) {
    return {
      ...base,
      outcome: "unchanged",
      after: undefined,
      state: "allowed",
      notes: notesFor(before, request.appId),
    };
  }
  if (change.narrowsOthers && !request.confirmNarrowing) {
    return {
      ...base,
      outcome: "needs-confirmation",
      after: undefined,
      state: "blocked",
      notes: notesFor(before, request.appId),
    };
  }
  deps.progress?.({ phase: "apply", message: "Writing the EWS allow list (Set-OrganizationConfig)" });
  await invokeCmdlet(deps.http, deps.sleep, request, token, "Set-OrganizationConfig", {
    EwsAllowedAppIDs: change.write.EwsAllowedAppIDs,
    EwsEnabled: true,
  });
  const after = await readPolicy(deps, request, token);
  return {
    ...base,
    outcome: "written",
    after,
    state: policyAllows(after, request.appId) ? "allowed" : "blocked",
    notes: notesFor(after, request.appId),
  };
}
