/**
 * The organization's EWS access policy as Get-OrganizationConfig -RetrieveEwsOperationAccessPolicy
 * returns it, and what it means for one app.
 *
 * Microsoft's rules (Set-OrganizationConfig, learn.microsoft.com/powershell/module/exchange/set-organizationconfig,
 * from office-docs-powershell PR #13643; "Control access to EWS in Exchange", learn.microsoft.com/exchange/
 * client-developer/exchange-web-services/how-to-control-access-to-ews-in-exchange): with `EwsEnabled $true` only the apps in `EwsAllowedAppIDs`
 * may use EWS (an empty or $null list has no effect); `$false` blocks every app; since 2026-10-01 an
 * unset (`$null`) `EwsEnabled` was switched to `$false`, so we read `$null` as blocked. The older
 * user-agent policy (`EwsApplicationAccessPolicy` with `EwsAllowList` / `EwsBlockList`) is evaluated as
 * well; we cannot know the user agent Boxafe sends, so an allow-list policy is reported, not decided.
 */
import { z } from "zod";
import { CoreError } from "../errors.js";

export interface EwsPolicy {
  readonly ewsEnabled: boolean | null;
  readonly applicationAccessPolicy: "EnforceAllowList" | "EnforceBlockList" | null;
  readonly allowList: readonly string[] | null;
  readonly blockList: readonly string[] | null;
  readonly allowedAppIds: readonly string[] | null;
}

const list = z
  .union([z.array(z.string()), z.string(), z.null()])
  .optional()
  .transform((v) => (v === undefined || v === null ? null : typeof v === "string" ? [v] : v));

const OrganizationConfig = z.object({
  EwsEnabled: z.boolean().nullable().optional(),
  EwsApplicationAccessPolicy: z.enum(["EnforceAllowList", "EnforceBlockList"]).nullable().optional(),
  EwsAllowList: list,
  EwsBlockList: list,
  EwsAllowedAppIDs: list,
});

export function parseEwsPolicy(value: unknown): EwsPolicy {
  const parsed = OrganizationConfig.safeParse(value);
  if (!parsed.success) {
    throw new CoreError(
      "graph_request_failed",
      "Exchange Online answered Get-OrganizationConfig with EWS properties we cannot read; nothing was changed.",
    );
  }
  const c = parsed.data;
  return {
    ewsEnabled: c.EwsEnabled ?? null,
    applicationAccessPolicy: c.EwsApplicationAccessPolicy ?? null,
    allowList: c.EwsAllowList,
    blockList: c.EwsBlockList,
    allowedAppIds: c.EwsAllowedAppIDs,
  };
}

function sameId(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export function listsApp(policy: EwsPolicy, appId: string): boolean {
  return (policy.allowedAppIds ?? []).some((id) => sameId(id, appId));
}

/** Does the policy let `appId` through the app-id gate? (The user-agent gate is reported separately.) */
export function policyAllows(policy: EwsPolicy, appId: string): boolean {
  if (policy.ewsEnabled !== true) return false;
  const ids = policy.allowedAppIds ?? [];
  return ids.length === 0 || listsApp(policy, appId);
}

/** A user-agent policy that may still stop Boxafe, in words (we do not change it). */
export function userAgentCaveat(policy: EwsPolicy): string | undefined {
  if (policy.applicationAccessPolicy === "EnforceAllowList") {
    return `EwsApplicationAccessPolicy is EnforceAllowList: EWS also requires Boxafe's user agent to match EwsAllowList (${(policy.allowList ?? []).join(", ") || "empty"}); we leave that list as it is.`;
  }
  if (policy.applicationAccessPolicy === "EnforceBlockList" && (policy.blockList ?? []).length > 0) {
    return `EwsApplicationAccessPolicy is EnforceBlockList (${(policy.blockList ?? []).join(", ")}): a Boxafe user agent matching it stays blocked; we leave that list as it is.`;
  }
  return undefined;
}
