/**
 * The SharePoint tenant name when the caller gave none: the tenant's initial domain, read from
 * /organization with the app's OWN Graph token (its directory role may read it; no admin sign-in).
 */
import { sharePointTenantName } from "../clouds.js";
import { readOrganization } from "../engine/observe.js";
import { isCoreError } from "../errors.js";
import { type GraphDeps, runRequests } from "../graph/batch-runner.js";

export type SharePointTenantLookup =
  | { readonly ok: true; readonly name: string }
  | { readonly ok: false; readonly reason: string };

export async function lookupSharePointTenant(deps: GraphDeps): Promise<SharePointTenantLookup> {
  try {
    const results = await runRequests(deps, [
      { id: "organization", method: "GET", url: "/organization?$select=verifiedDomains" },
    ]);
    const result = results.get("organization");
    const { initialDomain } = readOrganization(result?.kind === "ok" ? result.response.body : undefined);
    if (initialDomain === "") return { ok: false, reason: "The tenant listed no initial domain." };
    return { ok: true, name: sharePointTenantName(initialDomain) };
  } catch (error) {
    if (!isCoreError(error)) throw error;
    // Graph's own code, not the classified message: that one speaks of the admin's setup rights.
    const upstream = [error.status, error.upstreamCode].filter((x) => x !== undefined).join(" ");
    return { ok: false, reason: upstream === "" ? error.message : `Graph answered ${upstream}` };
  }
}

/** The detail of SharePoint items left unverifiable because the name is still unknown. */
export function sharePointTenantUnknown(reason: string | undefined): string {
  const why =
    reason === undefined
      ? "The SharePoint tenant name is unknown"
      : `Could not read the tenant's initial domain with the app's Graph token (${reason.replace(/\.$/, "")})`;
  return `${why}. Pass --sharepoint-tenant NAME (e.g. contoso for contoso.sharepoint.com) to prove SharePoint access.`;
}
