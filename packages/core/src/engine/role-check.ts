/** Is the signed-in account allowed to do the whole job? Read from the token's `wids` before any write. */
import { decodeJwt } from "jose";
import { CoreError } from "../errors.js";

export const directoryRoles = {
  globalAdministrator: "62e90394-69f5-4237-9190-012177145e10",
  privilegedRoleAdministrator: "e8611ab8-c189-46e8-94e1-60213ab1f814",
  applicationAdministrator: "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3",
  cloudApplicationAdministrator: "158c047a-c907-4556-b7ef-446551a6b5f7",
} as const;

const roleNames: Record<string, string> = {
  [directoryRoles.globalAdministrator]: "Global Administrator",
  [directoryRoles.privilegedRoleAdministrator]: "Privileged Role Administrator",
  [directoryRoles.applicationAdministrator]: "Application Administrator",
  [directoryRoles.cloudApplicationAdministrator]: "Cloud Application Administrator",
};

export interface RoleCheck {
  readonly ok: boolean;
  /** Names of the relevant directory roles the account holds. */
  readonly roles: readonly string[];
  /** Why not, and who can grant what; empty when ok. */
  readonly message: string;
  readonly tenantId: string | undefined;
  readonly username: string | undefined;
}

const NEEDED = "Global Administrator or Privileged Role Administrator";

export function checkRole(delegatedAccessToken: string): RoleCheck {
  let claims: Record<string, unknown>;
  try {
    claims = decodeJwt(delegatedAccessToken);
  } catch {
    throw new CoreError(
      "sign_in_failed",
      "The sign-in did not return a readable access token. Sign in again.",
    );
  }
  const wids = Array.isArray(claims.wids)
    ? claims.wids.filter((w): w is string => typeof w === "string")
    : [];
  const roles = wids.map((w) => roleNames[w]).filter((name): name is string => name !== undefined);
  const tenantId = typeof claims.tid === "string" ? claims.tid : undefined;
  const username =
    typeof claims.upn === "string"
      ? claims.upn
      : typeof claims.preferred_username === "string"
        ? claims.preferred_username
        : undefined;
  const base = { roles, tenantId, username };
  if (
    wids.includes(directoryRoles.globalAdministrator) ||
    wids.includes(directoryRoles.privilegedRoleAdministrator)
  ) {
    return { ok: true, message: "", ...base };
  }
  const appAdmin = roles.find(
    (r) => r === "Application Administrator" || r === "Cloud Application Administrator",
  );
  const who = username === undefined ? "The signed-in account" : username;
  const message =
    appAdmin === undefined
      ? `${who} holds no directory role that can grant admin consent. Sign in as a ${NEEDED}, or ask one to run the setup.`
      : `${who} is ${appAdmin}: that role can register the app and grant every permission except the 10 Microsoft Graph application permissions (app roles), which need a ${NEEDED}. Sign in as one, or ask one to run the setup.`;
  return { ok: false, message, ...base };
}

/** Throws CoreError insufficient_role (nothing has been written) unless the account may do the whole job. */
export function requireAdmin(delegatedAccessToken: string): RoleCheck {
  const check = checkRole(delegatedAccessToken);
  if (!check.ok) throw new CoreError("insufficient_role", check.message);
  return check;
}
