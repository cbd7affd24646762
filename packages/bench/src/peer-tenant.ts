/** What a tool left in the tenant under one display name: for duplicates after a re-run and orphans after a failure. */
import type { TenantState } from "@boxafe-connect/conformance";

export interface Leftover {
  readonly apps: number;
  readonly servicePrincipals: number;
  readonly assignments: number;
  readonly grants: number;
  readonly secrets: number;
}

export function leftover(state: TenantState, displayName: string): Leftover {
  const apps = state.applications.filter((a) => a.displayName === displayName);
  const appIds = new Set(apps.map((a) => a.appId));
  const sps = new Set(state.servicePrincipals.filter((s) => appIds.has(s.appId)).map((s) => s.id));
  return {
    apps: apps.length,
    servicePrincipals: sps.size,
    assignments: state.appRoleAssignments.filter((a) => sps.has(a.principalId)).length,
    grants: state.oauth2PermissionGrants.filter((g) => sps.has(g.clientId)).length,
    secrets: apps.reduce((n, a) => n + a.passwordCredentials.length, 0),
  };
}

/** Objects the second state holds beyond the first (a re-run that converges adds none). */
export function added(before: Leftover, after: Leftover): Leftover {
  return {
    apps: after.apps - before.apps,
    servicePrincipals: after.servicePrincipals - before.servicePrincipals,
    assignments: after.assignments - before.assignments,
    grants: after.grants - before.grants,
    secrets: after.secrets - before.secrets,
  };
}

/** A complete Boxafe registration: one app, its SP, 20 assignments, 3 grants, at least one secret. */
export function complete(left: Leftover, roles: number, grants: number): boolean {
  return (
    left.apps === 1 &&
    left.servicePrincipals === 1 &&
    left.assignments === roles &&
    left.grants === grants &&
    left.secrets >= 1
  );
}

export function describeLeftover(left: Leftover): string {
  if (left.apps === 0) return "nothing";
  return (
    `${left.apps} app${left.apps === 1 ? "" : "s"}, ${left.servicePrincipals} SP, ` +
    `${left.assignments} role assignments, ${left.grants} grants, ${left.secrets} secret${left.secrets === 1 ? "" : "s"}`
  );
}
