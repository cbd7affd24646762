/** One pure function per preflight row: the rule read from the tenant in, pass | warn | fail | unknown out. */
import { resourceByKey } from "../catalog/resources.js";
import type { ResourceKey } from "../catalog/types.js";
import { directoryRoles } from "../engine/role-check.js";
import type { DeviceCodeBlock, Readable } from "./tenant-rules.js";
import type { CredentialChoice, CredentialRules, PreflightCheck } from "./types.js";

/** Application Developer may register apps when users may not (learn.microsoft.com/entra/identity/role-based-access-control/permissions-reference). */
export const APPLICATION_DEVELOPER = "cf1c38e5-3621-4004-a7cb-879624dced7c";

const NAMES: Record<string, string> = {
  [directoryRoles.globalAdministrator]: "Global Administrator",
  [directoryRoles.privilegedRoleAdministrator]: "Privileged Role Administrator",
  [directoryRoles.applicationAdministrator]: "Application Administrator",
  [directoryRoles.cloudApplicationAdministrator]: "Cloud Application Administrator",
  [APPLICATION_DEVELOPER]: "Application Developer",
};
const ADMINS_WHO_GRANT = "Global Administrator or Privileged Role Administrator";

function named(roleIds: readonly string[]): string[] {
  return roleIds.map((r) => NAMES[r]).filter((n): n is string => n !== undefined);
}

/**
 * Granting Microsoft Graph app roles needs Global Administrator or Privileged Role Administrator; Application and
 * Cloud Application Administrators may grant everything else (graph-facts.md 2.4, learn.microsoft.com/entra/identity/
 * enterprise-apps/grant-admin-consent).
 */
export function roleCheck(roleIds: readonly string[], username: string): PreflightCheck {
  const roles = named(roleIds);
  const title = "Signed-in admin's roles";
  const held = roles.length > 0 ? roles.join(", ") : "no administrator role";
  if (
    roleIds.includes(directoryRoles.globalAdministrator) ||
    roleIds.includes(directoryRoles.privilegedRoleAdministrator)
  ) {
    return {
      id: "role",
      title,
      status: "pass",
      evidence: `${username} holds ${held}: may grant admin consent for every permission, Microsoft Graph app roles included.`,
    };
  }
  const appAdmin =
    roleIds.includes(directoryRoles.applicationAdministrator) ||
    roleIds.includes(directoryRoles.cloudApplicationAdministrator);
  return {
    id: "role",
    title,
    status: "fail",
    evidence: appAdmin
      ? `${username} holds ${held}: it may register the app and grant the delegated and non-Graph permissions, but not the Microsoft Graph application permissions (app roles) Boxafe needs.`
      : `${username} holds ${held}: it cannot grant admin consent.`,
    fix: `Sign in as a ${ADMINS_WHO_GRANT}, or ask one to run the setup.`,
  };
}

const CREATORS = [
  directoryRoles.globalAdministrator,
  directoryRoles.applicationAdministrator,
  directoryRoles.cloudApplicationAdministrator,
  APPLICATION_DEVELOPER,
];

/** "Users can register applications" (authorizationPolicy.defaultUserRolePermissions.allowedToCreateApps). */
export function registrationCheck(
  allowed: Readable<boolean>,
  roleIds: readonly string[],
  appExists: boolean,
): PreflightCheck {
  const title = "App registration allowed";
  if (appExists)
    return {
      id: "app-registration",
      title,
      status: "pass",
      evidence: "The app already exists; nothing new is registered.",
    };
  const creator = named(roleIds.filter((r) => CREATORS.includes(r)))[0];
  if (creator !== undefined) {
    return {
      id: "app-registration",
      title,
      status: "pass",
      evidence: `${creator} may register applications whatever "Users can register applications" says.`,
    };
  }
  if (!allowed.ok) {
    return {
      id: "app-registration",
      title,
      status: "unknown",
      evidence: allowed.reason,
      fix: "If registering the app is refused (403), a Global Administrator or Application Administrator must register it; then re-run with --app-id.",
    };
  }
  if (allowed.value) {
    return {
      id: "app-registration",
      title,
      status: "pass",
      evidence: "Users may register applications (authorizationPolicy allowedToCreateApps is true).",
    };
  }
  const held = named(roleIds).join(", ") || "no administrator role";
  return {
    id: "app-registration",
    title,
    status: "fail",
    evidence: `"Users can register applications" is No (authorizationPolicy allowedToCreateApps is false) and ${held} cannot register applications.`,
    fix: 'Sign in as a Global Administrator; or have an Application Administrator (or Application Developer) register the app and re-run with --app-id <its Application (client) ID>; or set Entra admin center > Users > User settings > "Users can register applications" to Yes.',
  };
}

function describeRules(rules: CredentialRules): string {
  const parts: string[] = [];
  if (rules.secretsBlocked) parts.push("client secrets are blocked");
  if (rules.maxSecretDays !== undefined) parts.push(`secrets may last at most ${rules.maxSecretDays} days`);
  if (rules.maxCertificateDays !== undefined)
    parts.push(`certificates may last at most ${rules.maxCertificateDays} days`);
  if (rules.trustedCaRequired) parts.push("certificates must come from a trusted certificate authority");
  return parts.join("; ");
}

export function credentialPolicyCheck(
  rules: Readable<CredentialRules>,
  choice: CredentialChoice,
): PreflightCheck {
  const title = "App management policies (credentials)";
  if (!rules.ok) {
    return {
      id: "app-management-policy",
      title,
      status: "unknown",
      evidence: rules.reason,
      fix: "Setup goes on; if a secret is refused by policy, re-run with --certificate (or a shorter --secret-days).",
    };
  }
  const said = describeRules(rules.value);
  if (said === "") {
    return {
      id: "app-management-policy",
      title,
      status: "pass",
      evidence: "No app management policy restricts this app's credentials.",
    };
  }
  const where = rules.value.policyId === undefined ? "" : ` (policy '${rules.value.policyId}')`;
  if (rules.value.secretsBlocked && rules.value.trustedCaRequired) {
    return {
      id: "app-management-policy",
      title,
      status: "fail",
      evidence: `${said}${where}: neither a secret nor a self-signed certificate would be accepted.`,
      fix: "Exempt this app with its own app management policy, or allow self-signed certificates, then re-run.",
    };
  }
  // A rule the plan already meets (a Boxafe 1.5 certificate where secrets are blocked) changes nothing:
  // a pass that names the rule. A warning is for a plan the rule changed, with the sentences saying how.
  if (choice.reasons.length === 0) {
    return {
      id: "app-management-policy",
      title,
      status: "pass",
      evidence: `${said}${where}. What the plan creates already fits.`,
    };
  }
  return {
    id: "app-management-policy",
    title,
    status: "warn",
    evidence: `${said}${where}. ${choice.reasons.join(" ")}`,
  };
}

export function deviceCodeCheck(
  blocks: Readable<readonly DeviceCodeBlock[]>,
  signedInWith: "device" | "browser",
): PreflightCheck {
  const title = "Conditional Access and device code sign-in";
  if (!blocks.ok) {
    return {
      id: "device-code",
      title,
      status: "unknown",
      evidence: blocks.reason,
      fix: "If device code sign-in is refused (AADSTS53003), sign in with --auth browser.",
    };
  }
  if (blocks.value.length === 0) {
    return {
      id: "device-code",
      title,
      status: "pass",
      evidence: "No Conditional Access policy blocks device code sign-in for this account.",
    };
  }
  const line = (b: DeviceCodeBlock) =>
    `'${b.displayName}'${b.microsoftManaged ? " (Microsoft-managed)" : ""} ${
      b.state === "enabled" ? "blocks" : "is report-only and will block"
    } device code sign-in${b.certain ? "" : " for members of its groups"}`;
  return {
    id: "device-code",
    title,
    status: "warn",
    evidence: `${blocks.value.map(line).join("; ")}. This sign-in used the ${signedInWith === "browser" ? "browser" : "device code"} flow.`,
    fix: "Sign in with the browser (--auth browser); boxafe-connect chooses it when device code is refused.",
  };
}

export function resourcesCheck(missing: readonly ResourceKey[]): PreflightCheck {
  const title = "Resource service principals";
  if (missing.length === 0) {
    return {
      id: "resource-service-principals",
      title,
      status: "pass",
      evidence: "Every API the permissions name has its service principal in the tenant.",
    };
  }
  return {
    id: "resource-service-principals",
    title,
    status: "warn",
    evidence: `Missing from the tenant: ${missing.map((k) => resourceByKey(k).name).join(", ")}. The plan creates them before granting consent.`,
  };
}

export function ewsUnknown(): PreflightCheck {
  return {
    id: "ews",
    title: "Exchange Web Services organisation state",
    status: "unknown",
    evidence: "Reading EwsEnabled and EwsAllowedAppIDs needs the Exchange sign-in.",
    fix: "Run the ews step (Exchange administrator sign-in) to read and allow the app.",
  };
}
