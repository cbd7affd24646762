/**
 * The tenant's EWS access policy (the Ews* properties of Get-OrganizationConfig) and how long a change
 * takes to reach the EWS front ends.
 *
 * Sources:
 * - Set-OrganizationConfig (learn.microsoft.com/powershell/module/exchange/set-organizationconfig;
 *   the parameter came with MicrosoftDocs/office-docs-powershell PR #13643, 2026-06-04): with
 *   `EwsEnabled $true` only the application ids in `EwsAllowedAppIDs` may use EWS; `$false` blocks every
 *   app; `$null` on the list means it has no effect. The parameter replaces the whole list.
 * - "Control access to EWS in Exchange" (learn.microsoft.com/exchange/client-developer/exchange-web-services/
 *   how-to-control-access-to-ews-in-exchange): the app-id list and the older
 *   user-agent lists (EwsApplicationAccessPolicy + EwsAllowList / EwsBlockList) are both evaluated; a
 *   change takes up to 24 hours because servers cache the configuration.
 * - Exchange team blog "Exchange Online EWS, Your Time is Almost Up" (2026-02,
 *   techcommunity.microsoft.com/blog/exchange/exchange-online-ews-your-time-is-almost-up/4492361): from 2026-10-01 tenants
 *   that left `EwsEnabled` unset ($null) are switched to `$false`. Our users live in December 2026, so the
 *   seed is `EwsEnabled: false`, and a `$null` read back is treated as blocked too (stricter).
 */

export type EwsAccessPolicy = "EnforceAllowList" | "EnforceBlockList";

export interface EwsOrgPolicy {
  EwsEnabled: boolean | null;
  EwsApplicationAccessPolicy: EwsAccessPolicy | null;
  EwsAllowList: string[] | null;
  EwsBlockList: string[] | null;
  EwsAllowedAppIDs: string[] | null;
}

export const SEED_EWS_POLICY: EwsOrgPolicy = {
  EwsEnabled: false,
  EwsApplicationAccessPolicy: null,
  EwsAllowList: null,
  EwsBlockList: null,
  EwsAllowedAppIDs: null,
};

/** The real service caches for up to 24 h; the sandbox default is a minute, tests pass less. */
export const DEFAULT_EWS_PROPAGATION_MS = 60_000;

interface Revision {
  readonly at: number;
  readonly policy: EwsOrgPolicy;
}

function copy(policy: EwsOrgPolicy): EwsOrgPolicy {
  return {
    ...policy,
    EwsAllowList: policy.EwsAllowList ? [...policy.EwsAllowList] : null,
    EwsBlockList: policy.EwsBlockList ? [...policy.EwsBlockList] : null,
    EwsAllowedAppIDs: policy.EwsAllowedAppIDs ? [...policy.EwsAllowedAppIDs] : null,
  };
}

/**
 * Get-OrganizationConfig answers the written value at once; EWS enforces the newest revision that
 * is older than the propagation delay (the first revision, the seed, is in force from the start).
 */
export class ExchangeOrg {
  private revisions: Revision[];

  constructor(
    private readonly now: () => number,
    public propagationMs: number = DEFAULT_EWS_PROPAGATION_MS,
    initial: EwsOrgPolicy = SEED_EWS_POLICY,
  ) {
    this.revisions = [{ at: Number.NEGATIVE_INFINITY, policy: copy(initial) }];
  }

  /** What the admin API reads back. */
  written(): EwsOrgPolicy {
    return copy((this.revisions[this.revisions.length - 1] as Revision).policy);
  }

  /** What EWS enforces right now. */
  effective(): EwsOrgPolicy {
    const now = this.now();
    let found = this.revisions[0] as Revision;
    for (const revision of this.revisions) if (revision.at + this.propagationMs <= now) found = revision;
    return copy(found.policy);
  }

  /** Set-OrganizationConfig: the parameters given replace their properties whole. */
  write(change: Partial<EwsOrgPolicy>): void {
    this.revisions.push({ at: this.now(), policy: copy({ ...this.written(), ...change }) });
  }

  /** Test hook: a tenant whose policy has long been in force (no propagation wait). */
  seed(policy: EwsOrgPolicy): void {
    this.revisions = [{ at: Number.NEGATIVE_INFINITY, policy: copy(policy) }];
  }

  reset(): void {
    this.seed(SEED_EWS_POLICY);
  }
}

export type EwsDecision = { allowed: true } | { allowed: false; reason: string };

function matches(pattern: string, userAgent: string): boolean {
  // The user-agent lists take wildcards (*) per the docs page above.
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
  return new RegExp(`^${escaped}$`, "i").test(userAgent);
}

/** Both gates of "Control access to EWS in Exchange": the app-id list and the user-agent policy. */
export function decideEws(policy: EwsOrgPolicy, appId: string, userAgent: string): EwsDecision {
  if (policy.EwsEnabled !== true)
    return { allowed: false, reason: "EWS is disabled for this user or tenant" };
  const blocked = { allowed: false, reason: "EWS is blocked by policy for this user or tenant" } as const;
  const ids = policy.EwsAllowedAppIDs;
  if (ids && ids.length > 0 && !ids.some((id) => id.toLowerCase() === appId.toLowerCase())) return blocked;
  if (policy.EwsApplicationAccessPolicy === "EnforceAllowList") {
    if (!(policy.EwsAllowList ?? []).some((p) => matches(p, userAgent))) return blocked;
  }
  if (policy.EwsApplicationAccessPolicy === "EnforceBlockList") {
    if ((policy.EwsBlockList ?? []).some((p) => matches(p, userAgent))) return blocked;
  }
  return { allowed: true };
}
