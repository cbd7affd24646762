import { GRAPH_APP_ID } from "../store/seed-resources.js";
import { ROLE } from "../store/tenant.js";
import { graphErrors } from "./errors.js";
import type { Caller } from "./types.js";

/**
 * Directory-role checks that come on top of the token's permissions (those are checked first, by
 * Microsoft's per-call tables in permission-table.ts): in delegated calls the signed-in user must also
 * hold a role that may do the operation.
 */

/** Any-of check for non-Graph resources (Exchange, SharePoint REST): Graph calls use permission-table.ts. */
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
 * (delegated); other resources' roles also Application (or Cloud Application) Administrator.
 */
export function requireAssign(caller: Caller, resourceAppId: string): void {
  if (caller.kind === "app") return;
  const isGraph = resourceAppId === GRAPH_APP_ID;
  const roles = isGraph ? [ROLE.globalAdministrator, ROLE.privilegedRoleAdministrator] : CONSENT_ADMINS;
  if (!hasRole(caller, roles)) throw graphErrors.denied();
}

/** Tenant-wide delegated grants: an administrator who may consent. */
export function requireGrantWrite(caller: Caller): void {
  if (caller.kind === "app") return;
  if (!hasRole(caller, CONSENT_ADMINS)) throw graphErrors.denied();
}
