import { GRAPH_APP_ID } from "../store/seed-resources.js";
import { ROLE } from "../store/tenant.js";
import { graphErrors } from "./errors.js";
import type { Caller } from "./types.js";

/** Which delegated scopes or application roles let a caller perform a kind of operation. */
export const NEEDS = {
  readDirectory: [
    "Application.Read.All",
    "Application.ReadWrite.All",
    "Directory.Read.All",
    "Directory.ReadWrite.All",
    "Directory.AccessAsUser.All",
    "AppRoleAssignment.ReadWrite.All",
    "DelegatedPermissionGrant.ReadWrite.All",
  ],
  writeApps: ["Application.ReadWrite.All", "Directory.AccessAsUser.All"],
  /** Application.ReadWrite.All manages assignments except Microsoft Graph's own app roles (graph-facts 2.4). */
  assignRoles: ["AppRoleAssignment.ReadWrite.All", "Directory.AccessAsUser.All"],
  writeGrants: ["DelegatedPermissionGrant.ReadWrite.All", "Directory.AccessAsUser.All"],
  me: [
    "User.Read",
    "User.ReadWrite",
    "User.ReadBasic.All",
    "User.Read.All",
    "User.ReadWrite.All",
    "Directory.Read.All",
    "Directory.AccessAsUser.All",
  ],
} as const;

export function holds(caller: Caller, any: readonly string[]): boolean {
  const held = caller.kind === "user" ? caller.scopes : caller.roles;
  return held.some((p) => any.some((a) => a.toLowerCase() === p.toLowerCase()));
}

export function requirePermission(caller: Caller, any: readonly string[]): void {
  if (!holds(caller, any)) throw graphErrors.denied();
}

function hasRole(caller: Caller, roles: readonly string[]): boolean {
  return caller.kind === "user" && caller.user.roles.some((r) => roles.includes(r));
}

const APP_ADMINS = [
  ROLE.globalAdministrator,
  ROLE.applicationAdministrator,
  ROLE.cloudApplicationAdministrator,
];
const CONSENT_ADMINS = [...APP_ADMINS, ROLE.privilegedRoleAdministrator];

/** Modifying an app or service principal: its owner or an application administrator. */
export function requireManage(caller: Caller, owners: readonly string[]): void {
  if (caller.kind === "app") return;
  if (owners.includes(caller.user.id) || hasRole(caller, APP_ADMINS)) return;
  throw graphErrors.denied();
}

/**
 * Granting an app role: Microsoft Graph's roles need Global Administrator or Privileged Role Administrator
 * (delegated) or AppRoleAssignment.ReadWrite.All (app-only); other resources' roles also allow Application
 * (or Cloud Application) Administrator and Application.ReadWrite.All.
 */
export function requireAssign(caller: Caller, resourceAppId: string): void {
  const isGraph = resourceAppId === GRAPH_APP_ID;
  const perms = isGraph ? NEEDS.assignRoles : [...NEEDS.assignRoles, "Application.ReadWrite.All"];
  requirePermission(caller, perms);
  if (caller.kind === "app") return;
  const roles = isGraph ? [ROLE.globalAdministrator, ROLE.privilegedRoleAdministrator] : CONSENT_ADMINS;
  if (!hasRole(caller, roles)) throw graphErrors.denied();
}

/** Tenant-wide delegated grants: an administrator who may consent, with DelegatedPermissionGrant.ReadWrite.All. */
export function requireGrantWrite(caller: Caller): void {
  requirePermission(caller, NEEDS.writeGrants);
  if (caller.kind === "app") return;
  if (!hasRole(caller, CONSENT_ADMINS)) throw graphErrors.denied();
}
