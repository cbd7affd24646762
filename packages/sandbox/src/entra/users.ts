import type { SandboxContext } from "../context.js";
import { ROLE_NAMES } from "../store/tenant.js";

export function userChoices(
  ctx: SandboxContext,
): { userPrincipalName: string; displayName: string; role: string }[] {
  return ctx.dir.data.users.map((u) => ({
    userPrincipalName: u.userPrincipalName,
    displayName: u.displayName,
    role: u.roles.map((r) => ROLE_NAMES[r] ?? r).join(", ") || "no admin role",
  }));
}
