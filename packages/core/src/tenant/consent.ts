/**
 * Admin consent as actions: one app role assignment per missing application permission, and per
 * resource exactly one AllPrincipals delegated grant, created or widened by one PATCH of the
 * whole scope string (Graph allows a single grant per client and resource).
 */
import type { ResourceKey } from "../catalog/types.js";
import { resourceName } from "./catalog-link.js";
import { type ExtraCollector, nameById } from "./extras.js";
import type { Action, Finding, ObservedTenant } from "./model.js";
import type { ResolvedPermission } from "./resolve-ids.js";
import { joinScopes, sameScopeSet, splitScopes } from "./scopes.js";

export interface ConsentInput {
  readonly resolved: readonly ResolvedPermission[];
  readonly observed: ObservedTenant;
  readonly removeExtra: boolean;
  /** Says whether a resolved permission is declared on the observed app (for "unconsented" findings). */
  readonly isDeclared: (resolved: ResolvedPermission) => boolean;
  readonly extras: ExtraCollector;
}

function unconsented(resolved: ResolvedPermission): Finding {
  const { resource, value, kind } = resolved.permission;
  return {
    kind: "unconsented",
    resource,
    value,
    message: `${resourceName(resource)} ${value} (${kind}) is declared but has no admin consent; consent will be granted.`,
  };
}

function planAssignments(input: ConsentInput, findings: Finding[]): Action[] {
  const { observed } = input;
  const spId = observed.servicePrincipal?.id;
  const held = spId === undefined ? [] : observed.assignments.filter((a) => a.principalId === spId);
  const wanted = new Set<string>();
  const actions: Action[] = [];
  for (const resolved of input.resolved) {
    const { resource, value, kind } = resolved.permission;
    if (kind !== "application") continue;
    const resourceSpId = observed.resources[resource]?.id;
    const key = `${resourceSpId ?? resource}|${resolved.id.toLowerCase()}`;
    if (wanted.has(key)) continue;
    wanted.add(key);
    if (!resolved.consentable) continue;
    const present = held.some(
      (a) => a.resourceId === resourceSpId && a.appRoleId.toLowerCase() === resolved.id.toLowerCase(),
    );
    if (present) continue;
    if (input.isDeclared(resolved)) findings.push(unconsented(resolved));
    actions.push({ type: "assign-app-role", resource, value, appRoleId: resolved.id });
  }
  const removals: Action[] = [];
  for (const assignment of held) {
    if (wanted.has(`${assignment.resourceId}|${assignment.appRoleId.toLowerCase()}`)) continue;
    const named = nameById(
      observed,
      { objectId: assignment.resourceId },
      "application",
      assignment.appRoleId,
    );
    input.extras.add(named, "application", "consented", named.resource !== undefined);
    if (input.removeExtra && named.resource !== undefined) {
      removals.push({
        type: "remove-app-role-assignment",
        resource: named.resource,
        value: named.value,
        assignmentId: assignment.id,
      });
    }
  }
  return [...actions, ...removals];
}

function planGrants(input: ConsentInput, findings: Finding[]): Action[] {
  const { observed } = input;
  const spId = observed.servicePrincipal?.id;
  const ours =
    spId === undefined
      ? []
      : observed.grants.filter((g) => g.clientId === spId && g.consentType === "AllPrincipals");
  const byResource = new Map<ResourceKey, ResolvedPermission[]>();
  for (const resolved of input.resolved) {
    if (resolved.permission.kind !== "delegated" || !resolved.consentable) continue;
    const list = byResource.get(resolved.permission.resource) ?? [];
    list.push(resolved);
    byResource.set(resolved.permission.resource, list);
  }
  const actions: Action[] = [];
  const handled = new Set<string>();
  for (const [resource, list] of byResource) {
    const resourceSpId = observed.resources[resource]?.id;
    const grant = ours.find((g) => g.resourceId === resourceSpId);
    const wanted = list.map((r) => r.permission.value);
    if (grant === undefined) {
      for (const resolved of list) if (input.isDeclared(resolved)) findings.push(unconsented(resolved));
      actions.push({ type: "create-grant", resource, scope: joinScopes(wanted) });
      continue;
    }
    handled.add(grant.id);
    const existing = splitScopes(grant.scope);
    const extra = existing.filter((scope) => !wanted.includes(scope));
    for (const scope of extra) {
      input.extras.add(
        { resource, api: resourceName(resource), value: scope },
        "delegated",
        "consented",
        true,
      );
    }
    for (const resolved of list) {
      if (!existing.includes(resolved.permission.value) && input.isDeclared(resolved)) {
        findings.push(unconsented(resolved));
      }
    }
    const target = input.removeExtra ? wanted : [...existing, ...wanted];
    if (!sameScopeSet(target, existing)) {
      actions.push({
        type: "update-grant",
        resource,
        grantId: grant.id,
        scope: joinScopes(target),
        previousScope: grant.scope,
      });
    }
  }
  // Grants on resources the profile asks nothing delegated of: reported; there is no narrowing to "nothing".
  for (const grant of ours) {
    if (handled.has(grant.id)) continue;
    for (const scope of splitScopes(grant.scope)) {
      const named = nameById(observed, { objectId: grant.resourceId }, "delegated", scope);
      input.extras.add({ ...named, value: scope }, "delegated", "consented", false);
    }
  }
  return actions;
}

export function planConsent(input: ConsentInput): { actions: Action[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const actions = [...planAssignments(input, findings), ...planGrants(input, findings)];
  return { actions, findings };
}
