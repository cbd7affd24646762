/**
 * What one app registration made of a tenant, read from the sandbox's `/_sandbox/state`, with the
 * parts that differ between any two runs taken out (object ids, appIds, timestamps) and everything else
 * kept: the declared permissions, the app's and service principal's settings, every app role
 * assignment and delegated grant the app holds (named by resource appId and value, not object id),
 * and its credentials. `comparable` then drops what the brief allows to differ between the tools:
 * uniqueName and the secret's name and lifetime.
 */

interface Access {
  readonly id: string;
  readonly type: string;
}
interface StateApp {
  readonly id: string;
  readonly appId: string;
  readonly displayName: string;
  readonly uniqueName: string | null;
  readonly requiredResourceAccess: { resourceAppId: string; resourceAccess: Access[] }[];
  readonly passwordCredentials: { displayName: string | null; startDateTime: string; endDateTime: string }[];
  readonly keyCredentials: unknown[];
  readonly [field: string]: unknown;
}
interface StateSp {
  readonly id: string;
  readonly appId: string;
  readonly [field: string]: unknown;
}
export interface TenantState {
  readonly applications: StateApp[];
  readonly servicePrincipals: StateSp[];
  readonly appRoleAssignments: {
    principalId: string;
    resourceId: string;
    appRoleId: string;
    principalType: string;
  }[];
  readonly oauth2PermissionGrants: {
    clientId: string;
    resourceId: string;
    consentType: string;
    principalId: string | null;
    scope: string;
  }[];
}

export async function readState(sandboxUrl: string): Promise<TenantState> {
  const res = await fetch(`${sandboxUrl}/_sandbox/state`);
  if (res.status !== 200) throw new Error(`/_sandbox/state: HTTP ${res.status}`);
  return (await res.json()) as TenantState;
}

export interface AppFootprint {
  readonly application: Record<string, unknown>;
  readonly servicePrincipal: Record<string, unknown> | null;
  /** `resourceAppId roleValue`, sorted. */
  readonly appRoleAssignments: string[];
  /** `resourceAppId consentType principalId: scope scope…` (scopes sorted), sorted. */
  readonly delegatedGrants: string[];
  readonly secrets: { displayName: string | null; lifetimeDays: number }[];
}

const DAY = 86_400_000;

/** Per-run identifiers (object ids, appIds, timestamps) are not part of what a tool made. */
function omit(object: Readonly<Record<string, unknown>>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));
}
/** The appId also appears inside values (servicePrincipalNames): named, not compared. */
function withoutAppId(object: Record<string, unknown>, appId: string): Record<string, unknown> {
  return JSON.parse(JSON.stringify(object).replaceAll(appId, "{appId}")) as Record<string, unknown>;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function roleValue(state: TenantState, resourceId: string, appRoleId: string): string {
  const resource = state.servicePrincipals.find((sp) => sp.id === resourceId);
  const roles = (resource?.appRoles ?? []) as { id: string; value: string }[];
  return `${resource?.appId ?? resourceId} ${roles.find((r) => r.id === appRoleId)?.value ?? appRoleId}`;
}

/** The footprint of the one application with this display name (throws unless there is exactly one). */
export function footprint(state: TenantState, displayName: string): AppFootprint {
  const apps = state.applications.filter((a) => a.displayName === displayName);
  if (apps.length !== 1)
    throw new Error(`${apps.length} applications are named "${displayName}", expected 1`);
  const app = apps[0] as StateApp;
  const sp = state.servicePrincipals.find((s) => s.appId === app.appId) ?? null;
  const settings = omit(app, [
    "id",
    "appId",
    "createdDateTime",
    "passwordCredentials",
    "requiredResourceAccess",
  ]);
  const spId = sp?.id;
  const resourceAppId = (resourceId: string) =>
    state.servicePrincipals.find((s) => s.id === resourceId)?.appId ?? resourceId;
  return {
    application: {
      ...settings,
      requiredResourceAccess: [...app.requiredResourceAccess]
        .map((r) => ({
          resourceAppId: r.resourceAppId,
          resourceAccess: [...r.resourceAccess].sort((a, b) =>
            byString(`${a.type}${a.id}`, `${b.type}${b.id}`),
          ),
        }))
        .sort((a, b) => byString(a.resourceAppId, b.resourceAppId)),
    },
    servicePrincipal: sp ? withoutAppId(omit(sp, ["id", "appId"]), app.appId) : null,
    appRoleAssignments: state.appRoleAssignments
      .filter((a) => a.principalId === spId)
      .map((a) => roleValue(state, a.resourceId, a.appRoleId))
      .sort(byString),
    delegatedGrants: state.oauth2PermissionGrants
      .filter((g) => g.clientId === spId)
      .map(
        (g) =>
          `${resourceAppId(g.resourceId)} ${g.consentType} ${g.principalId ?? "null"}: ${g.scope.split(" ").filter(Boolean).sort(byString).join(" ")}`,
      )
      .sort(byString),
    secrets: app.passwordCredentials.map((p) => ({
      displayName: p.displayName,
      lifetimeDays: Math.round((Date.parse(p.endDateTime) - Date.parse(p.startDateTime)) / DAY),
    })),
  };
}

/** The footprint without what the two tools may legitimately differ in: uniqueName, secret name and lifetime. */
export function comparable(print: AppFootprint): Omit<AppFootprint, "secrets"> & { secretCount: number } {
  return {
    application: omit(print.application, ["uniqueName"]),
    servicePrincipal: print.servicePrincipal,
    appRoleAssignments: print.appRoleAssignments,
    delegatedGrants: print.delegatedGrants,
    secretCount: print.secrets.length,
  };
}
