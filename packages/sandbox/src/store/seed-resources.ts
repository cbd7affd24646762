/**
 * The five resource service principals with their real appIds, app roles and delegated scopes.
 * Sources (looked up 2026-11; GUIDs copied, not invented):
 * - Microsoft Graph: microsoftgraph/microsoft-graph-docs `concepts/includes/permissions-ids.md`
 *   (auto-generated permission id table) and graph-facts.md section 2.4 (merill/graph-permissions-explorer).
 * - Office 365 Exchange Online, Office 365 SharePoint Online, OneNote, Windows Azure Active Directory:
 *   public per-service-principal permission dumps ("# Office 365 Exchange Online (00000002-0000-0ff1-...)",
 *   "# OneNote ## Service Principal Names ...") found through code search, cross-checked against the EWS OAuth
 *   page quoted in graph-facts.md section 1.1 (full_access_as_app dc890d15..., EWS.AccessAsUser.All 3b5f3d61...).
 */

import GRAPH_FIXTURE from "./fixtures/microsoft-graph.gen.json" with { type: "json" };
import { GRAPH_APP_ID, type ResourceSeed } from "./seed-ids.js";
import { OTHER_SEEDS } from "./seed-others.js";

export * from "./seed-ids.js";
export { OTHER_SEEDS };

/**
 * Microsoft Graph's service principal as a real tenant holds it: every app role and delegated scope (716 +
 * 807 in the dump), ids and descriptions verbatim, from public fixture data (fixtures/microsoft-graph.gen.json
 * names its source and commit). Every Table 1 GUID above matches it (checked in seed.test.ts).
 */
export const GRAPH_SEED: ResourceSeed = {
  key: "graph",
  appId: GRAPH_APP_ID,
  spId: "b0000001-0000-4000-8000-000000000001",
  displayName: "Microsoft Graph",
  audiences: ["https://graph.microsoft.com", "https://graph.microsoft.com/"],
  roles: GRAPH_FIXTURE.appRoles.map((r) => [r.value, r.id, r.displayName] as const),
  scopes: GRAPH_FIXTURE.oauth2PermissionScopes.map(
    (p) => [p.value, p.id, p.adminConsentDisplayName, p.type === "User" ? "User" : "Admin"] as const,
  ),
  descriptions: new Map([
    ...GRAPH_FIXTURE.appRoles.map((r) => [r.id, r.description] as const),
    ...GRAPH_FIXTURE.oauth2PermissionScopes.map((p) => [p.id, p.adminConsentDescription] as const),
  ]),
};

export const RESOURCE_SEEDS: ResourceSeed[] = [GRAPH_SEED, ...OTHER_SEEDS];

/**
 * A resource's identifier URIs in one tenant: SharePoint Online answers at the tenant's own
 * `https://{name}.sharepoint.com` (and `-admin`), so its service principal names differ per tenant;
 * the seed data names Contoso's.
 */
export function tenantAudiences(
  seed: ResourceSeed,
  tenant: { readonly sharePointName: string },
): readonly string[] {
  if (seed.key !== "sharepoint") return seed.audiences;
  return seed.audiences.map((a) => a.replace("//contoso", `//${tenant.sharePointName}`));
}
