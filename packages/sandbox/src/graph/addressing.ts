/**
 * Tenant addressing on Graph: `/v1.0/myorganization/...`, `/v1.0/{tenantId}/...` and
 * `/v1.0/{verified domain}/...` name the signed-in tenant, exactly as the bare `/v1.0/...` does.
 *
 * Evidence: CLI for Microsoft 365 (pnp/cli-microsoft365, e.g. `src/m365/entra/commands/app/app-add.ts`
 * and `src/utils/aadGroup.ts`) calls `https://graph.microsoft.com/v1.0/myorganization/servicePrincipals`
 * against real tenants (issue 12: its first call failed here with "Resource not found for the segment
 * 'myorganization'"); Microsoft Graph inherited the tenant segment from Azure AD Graph
 * (`https://graph.windows.net/{tenant}/...`, where `myorganization` is the signed-in user's tenant).
 * Stricter than unsure: a tenant segment that is not this tenant (another GUID, an unverified domain) is
 * refused the way an unknown segment is.
 */
import type { TenantIdentity } from "../store/tenant.js";

/** The names this tenant answers to in the first path segment, lower-cased. */
export function tenantSegments(tenant: TenantIdentity): Set<string> {
  return new Set(["myorganization", tenant.id.toLowerCase(), tenant.domain.toLowerCase()]);
}

/**
 * Splits `/myorganization/servicePrincipals` into the tenant prefix (`/myorganization`, kept for
 * `@odata.nextLink`) and the entity path (`/servicePrincipals`). Paths without a tenant segment pass as-is.
 */
export function splitTenantPrefix(tenant: TenantIdentity, path: string): { prefix: string; path: string } {
  const match = /^\/([^/?]+)(\/.*)?$/.exec(path);
  const first = match?.[1];
  if (!first || !tenantSegments(tenant).has(decodeURIComponent(first).toLowerCase()))
    return { prefix: "", path };
  return { prefix: `/${first}`, path: match?.[2] ?? "/" };
}
