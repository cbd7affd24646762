/** What the directory records for our app: app role assignments and tenant-wide delegated grants. */
import { resources } from "../catalog/resources.js";
import type { Permission, ResourceKey } from "../catalog/types.js";
import { obj, readAssignment, readGrant, s, values } from "../engine/graph-shapes.js";
import { servicePrincipalByAppId } from "../engine/paths.js";
import { type GraphDeps, runRequests } from "../graph/batch-runner.js";

export interface DirectoryRecord {
  assigned(permission: Permission): boolean;
  granted(permission: Permission): boolean;
}

/** One $batch: our SP's assignments and grants, and the resource SPs (ids and role/scope ids). */
export async function readDirectoryRecord(
  deps: GraphDeps,
  clientAppId: string,
  permissions: readonly Permission[],
): Promise<DirectoryRecord> {
  const wantedKeys = [...new Set(permissions.map((p) => p.resource))];
  const sp = servicePrincipalByAppId(clientAppId);
  const results = await runRequests(deps, [
    { id: "assignments", method: "GET", url: `${sp}/appRoleAssignments`, absentOk: true },
    { id: "grants", method: "GET", url: `${sp}/oauth2PermissionGrants`, absentOk: true },
    ...resources
      .filter((r) => wantedKeys.includes(r.key))
      .map((r) => ({
        id: `resource:${r.key}`,
        method: "GET" as const,
        url: `${servicePrincipalByAppId(r.appId)}?$select=id,appRoles`,
        absentOk: true,
      })),
  ]);
  const body = (id: string) => {
    const r = results.get(id);
    return r?.kind === "ok" ? r.response.body : undefined;
  };
  const resourceIds = new Map<string, ResourceKey>();
  const roleIds = new Map<string, string>();
  for (const r of resources) {
    const spBody = obj(body(`resource:${r.key}`));
    if (s(spBody.id) === "") continue;
    resourceIds.set(s(spBody.id), r.key);
    for (const role of Array.isArray(spBody.appRoles) ? spBody.appRoles : []) {
      roleIds.set(`${r.key} ${s(obj(role).value)}`, s(obj(role).id));
    }
  }
  const assignments = values(body("assignments")).map(readAssignment);
  const grants = values(body("grants"))
    .map(readGrant)
    .filter((g) => g.consentType === "AllPrincipals");
  return {
    assigned: (p) => {
      // The tenant's own role id wins over the catalog's, in case they ever differ.
      const roleId = roleIds.get(`${p.resource} ${p.value}`) ?? p.id;
      return assignments.some((a) => resourceIds.get(a.resourceId) === p.resource && a.appRoleId === roleId);
    },
    granted: (p) =>
      grants.some(
        (g) => resourceIds.get(g.resourceId) === p.resource && g.scope.split(" ").includes(p.value),
      ),
  };
}
