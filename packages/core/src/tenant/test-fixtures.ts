/**
 * Test fixtures for the plan engine: a tenant builder and a tiny in-memory "executor" that applies
 * a plan to an observed tenant, so tests can prove that plan -> apply -> plan converges.
 * Not exported from the package; used by *.test.ts only.
 */
import type { Permission, ResourceKey } from "../catalog/types.js";
import { boxafeProfile } from "../profiles/boxafe.js";
import { resolveProfile } from "../profiles/resolve-profile.js";
import { resourceAppId } from "./catalog-link.js";
import type {
  Action,
  Desired,
  ObservedApplication,
  ObservedResource,
  ObservedTenant,
  PasswordCredential,
  Plan,
} from "./model.js";
import { flattenAccess, groupAccess } from "./required-access.js";
import { joinScopes, splitScopes } from "./scopes.js";
import { SECRET_MARKER } from "./secrets.js";

export const NOW = Date.parse("2026-11-27T12:00:00Z");
export const DAY = 86_400_000;
export const APP_OBJECT_ID = "app-object-1";
export const APP_ID = "11111111-2222-4333-8444-555555555555";
export const SP_ID = "client-sp-1";

export const spIdOf = (resource: ResourceKey): string => `sp-${resource}`;

/** Resource service principals offering the given permissions (plus optional extra values). */
export function resourcesFor(
  permissions: readonly Permission[],
  extra: readonly Pick<Permission, "resource" | "kind" | "value" | "id">[] = [],
): Partial<Record<ResourceKey, ObservedResource>> {
  const out: Partial<
    Record<
      ResourceKey,
      {
        key: ResourceKey;
        id: string;
        appId: string;
        appRoles: { id: string; value: string }[];
        scopes: { id: string; value: string }[];
      }
    >
  > = {};
  for (const p of [...permissions, ...extra]) {
    const entry = out[p.resource] ?? {
      key: p.resource,
      id: spIdOf(p.resource),
      appId: resourceAppId(p.resource),
      appRoles: [],
      scopes: [],
    };
    const list = p.kind === "application" ? entry.appRoles : entry.scopes;
    if (!list.some((e) => e.value === p.value)) list.push({ id: p.id, value: p.value });
    out[p.resource] = entry;
  }
  return out;
}

export function emptyTenant(resources: ObservedTenant["resources"]): ObservedTenant {
  return { resources, application: undefined, servicePrincipal: undefined, assignments: [], grants: [] };
}

export function desiredOf(permissions: readonly Permission[], overrides: Partial<Desired> = {}): Desired {
  return {
    appKey: { uniqueName: "boxafe-connect-qnap-boxafe" },
    displayName: "QNAP Boxafe",
    signInAudience: "AzureADMyOrg",
    permissions,
    removeExtra: false,
    secret: { displayName: `${SECRET_MARKER} 2026-11-27`, lifetimeDays: 180, renewWithinDays: 30 },
    certificate: undefined,
    ...overrides,
  };
}

export function secret(
  displayName: string,
  endsInDays: number,
  keyId = `key-${displayName}`,
): PasswordCredential {
  return {
    keyId,
    displayName,
    startDateTime: new Date(NOW - DAY).toISOString(),
    endDateTime: new Date(NOW + endsInDays * DAY).toISOString(),
  };
}

function applyAction(
  tenant: ObservedTenant,
  action: Action,
  now: number,
  counter: { n: number },
): ObservedTenant {
  const id = (): string => `obj-${++counter.n}`;
  const app: ObservedApplication = tenant.application ?? {
    id: APP_OBJECT_ID,
    appId: APP_ID,
    uniqueName: null,
    displayName: "",
    signInAudience: "AzureADMyOrg",
    requiredResourceAccess: [],
    passwordCredentials: [],
    keyCredentials: [],
  };
  const spId = tenant.servicePrincipal?.id ?? SP_ID;
  const resourceSp = (key: ResourceKey): string => tenant.resources[key]?.id ?? spIdOf(key);
  switch (action.type) {
    case "upsert-resource-service-principal":
      return {
        ...tenant,
        resources: {
          ...tenant.resources,
          [action.resource]: {
            key: action.resource,
            id: spIdOf(action.resource),
            appId: action.appId,
            appRoles: [],
            scopes: [],
          },
        },
      };
    case "upsert-application":
      return {
        ...tenant,
        application: {
          ...app,
          uniqueName: "uniqueName" in action.appKey ? action.appKey.uniqueName : app.uniqueName,
          displayName: action.displayName,
          requiredResourceAccess: groupAccess(flattenAccess(action.requiredResourceAccess)),
        },
      };
    case "upsert-service-principal":
      return { ...tenant, servicePrincipal: { id: SP_ID, appId: app.appId } };
    case "add-password":
      return {
        ...tenant,
        application: {
          ...app,
          passwordCredentials: [
            ...app.passwordCredentials,
            {
              keyId: id(),
              displayName: action.displayName,
              startDateTime: new Date(now).toISOString(),
              endDateTime: action.endDateTime,
            },
          ],
        },
      };
    case "remove-password":
      return {
        ...tenant,
        application: {
          ...app,
          passwordCredentials: app.passwordCredentials.filter((p) => p.keyId !== action.keyId),
        },
      };
    case "add-certificate":
      return {
        ...tenant,
        application: {
          ...app,
          keyCredentials: [
            ...app.keyCredentials,
            {
              keyId: id(),
              displayName: action.displayName,
              type: "AsymmetricX509Cert",
              usage: "Verify",
              startDateTime: new Date(now).toISOString(),
              endDateTime: action.endDateTime,
              customKeyIdentifier: action.thumbprint,
            },
          ],
        },
      };
    case "assign-app-role":
      return {
        ...tenant,
        assignments: [
          ...tenant.assignments,
          {
            id: id(),
            principalId: spId,
            resourceId: resourceSp(action.resource),
            appRoleId: action.appRoleId,
          },
        ],
      };
    case "remove-app-role-assignment":
      return { ...tenant, assignments: tenant.assignments.filter((a) => a.id !== action.assignmentId) };
    case "create-grant":
      return {
        ...tenant,
        grants: [
          ...tenant.grants,
          {
            id: id(),
            clientId: spId,
            resourceId: resourceSp(action.resource),
            consentType: "AllPrincipals",
            scope: action.scope,
          },
        ],
      };
    case "update-grant":
      return {
        ...tenant,
        grants: tenant.grants.map((g) =>
          g.id === action.grantId ? { ...g, scope: joinScopes(splitScopes(action.scope)) } : g,
        ),
      };
  }
}

/** What a perfect executor would leave behind (the real one lives in engine/). */
export function simulateApply(plan: Plan, observed: ObservedTenant, now: number): ObservedTenant {
  const counter = { n: 0 };
  return plan.actions.reduce((tenant, action) => applyAction(tenant, action, now, counter), observed);
}

/** Table 1 exactly, with the catalog's real GUIDs (the default boxafe profile). */
export const TABLE_1: readonly Permission[] = resolveProfile(boxafeProfile);

export function permission(
  resource: ResourceKey,
  kind: Permission["kind"],
  value: string,
  id: string,
): Permission {
  return {
    resource,
    kind,
    value,
    id,
    description: value,
    adminConsentRequired: true,
    source: "test fixture",
  };
}
