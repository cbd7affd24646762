/**
 * What each tenant policy does to the writes and sign-ins it governs. Sources:
 * - secrets blocked / lifetime capped: Graph's errors `CredentialTypeNotAllowedAsPerAppPolicy` and
 *   `CredentialInvalidLifetimeAsPerAppPolicy` (details InvalidKeyEndDate, target EndDate), as seen in real traffic
 *   (graph-facts.md 2.2: azure-cli#28522, OfficeDev/microsoft-365-agents-toolkit#11188).
 * - certificate lifetime (asymmetricKeyLifetime) and trusted CAs (trustedCertificateAuthority): keyCredentialConfiguration
 *   (learn.microsoft.com/graph/api/resources/keycredentialconfiguration). The exact refusal text for these two is not
 *   published; we reuse the password error shape, and refuse every self-signed certificate when trusted CAs are
 *   required (stricter: no CA chain is modelled).
 * - "Users can register applications" = No: only administrators with microsoft.directory/applications/create
 *   (Global Administrator, Application Administrator, Cloud Application Administrator) or Application Developer
 *   may register apps; Privileged Role Administrator holds no such permission
 *   (learn.microsoft.com/entra/identity/role-based-access-control/delegate-app-roles, permissions-reference).
 *   Graph answers 403 Authorization_RequestDenied.
 * - Conditional Access blocking deviceCodeFlow: the token is refused with AADSTS53003 "Access has been blocked by
 *   Conditional Access policies. The access policy does not allow token issuance." (real traffic, e.g.
 *   AzureAD/microsoft-identity-web#2419); report-only policies are evaluated but never enforced
 *   (learn.microsoft.com/entra/identity/conditional-access/concept-conditional-access-report-only).
 */
import { X509Certificate } from "node:crypto";
import { OAuthError } from "../entra/oauth-error.js";
import { durationMs } from "../graph/credentials.js";
import { GraphError, graphErrors } from "../graph/errors.js";
import type { Caller } from "../graph/types.js";
import type { Directory } from "../store/directory.js";
import { POLICY_ROLE, ROLE } from "../store/tenant.js";
import type { Application, KeyCredential, User } from "../store/types.js";
import { activeRestriction, governingPolicy, policiesOf } from "./store.js";
import type { ConditionalAccessPolicy } from "./types.js";

function lifetimeError(policyId: string): GraphError {
  const message = `Credential lifetime exceeds the max value allowed as per assigned policy '${policyId}'`;
  return new GraphError(400, "CredentialInvalidLifetimeAsPerAppPolicy", message, [
    { code: "InvalidKeyEndDate", message, target: "EndDate" },
  ]);
}

/** addPassword (and passwordCredentials writes): refused when secrets are blocked or last too long. */
export function checkPassword(dir: Directory, app: Application, startMs: number, endMs: number): void {
  const governing = governingPolicy(dir, app);
  if (!governing) return;
  const list = governing.restrictions.passwordCredentials;
  if (activeRestriction(list, "passwordAddition", app)) {
    throw new GraphError(
      400,
      "CredentialTypeNotAllowedAsPerAppPolicy",
      `Password credentials are not allowed as per assigned policy '${governing.policyId}'`,
      [
        {
          code: "InvalidCredentialType",
          message: "Password credentials are not allowed.",
          target: "PasswordCredentials",
        },
      ],
    );
  }
  const cap = activeRestriction(list, "passwordLifetime", app);
  if (cap?.maxLifetime && endMs - startMs > durationMs(cap.maxLifetime))
    throw lifetimeError(governing.policyId);
}

/** New certificates on an app (keyCredentials PATCH or create): lifetime cap and trusted CAs. */
export function checkNewKeys(dir: Directory, app: Application, before: readonly KeyCredential[]): void {
  const governing = governingPolicy(dir, app);
  if (!governing) return;
  const list = governing.restrictions.keyCredentials;
  const cap = activeRestriction(list, "asymmetricKeyLifetime", app);
  const trusted = activeRestriction(list, "trustedCertificateAuthority", app);
  for (const key of app.keyCredentials) {
    if (before.some((k) => k.keyId === key.keyId)) continue;
    const span = Date.parse(key.endDateTime) - Date.parse(key.startDateTime);
    if (cap?.maxLifetime && span > durationMs(cap.maxLifetime)) throw lifetimeError(governing.policyId);
    if (trusted && isSelfSigned(key)) {
      throw new GraphError(
        400,
        "CredentialTypeNotAllowedAsPerAppPolicy",
        `Certificates not issued by a trusted certificate authority are not allowed as per assigned policy '${governing.policyId}'`,
        [
          {
            code: "InvalidCredentialType",
            message: "Untrusted certificate issuer.",
            target: "KeyCredentials",
          },
        ],
      );
    }
  }
}

function isSelfSigned(key: KeyCredential): boolean {
  try {
    const cert = new X509Certificate(Buffer.from(key.der, "base64"));
    return cert.issuer === cert.subject;
  } catch {
    return true;
  }
}

const CREATORS: string[] = [
  ROLE.globalAdministrator,
  ROLE.applicationAdministrator,
  ROLE.cloudApplicationAdministrator,
  POLICY_ROLE.applicationDeveloper,
];

/** POST /applications as a user when "Users can register applications" is No. App-only callers are not users. */
export function requireAppCreation(dir: Directory, caller: Caller): void {
  if (caller.kind !== "user" || policiesOf(dir).allowedToCreateApps) return;
  if (!caller.user.roles.some((r) => CREATORS.includes(r))) throw graphErrors.denied();
}

function targetsUser(p: ConditionalAccessPolicy, user: User): boolean {
  const u = p.conditions.users;
  const included =
    u.includeUsers.includes("All") ||
    u.includeUsers.includes(user.id) ||
    u.includeRoles.some((r) => user.roles.includes(r));
  const excluded = u.excludeUsers.includes(user.id) || u.excludeRoles.some((r) => user.roles.includes(r));
  return included && !excluded;
}

function targetsResource(p: ConditionalAccessPolicy, resourceAppId: string): boolean {
  const a = p.conditions.applications;
  const included = a.includeApplications.includes("All") || a.includeApplications.includes(resourceAppId);
  return included && !a.excludeApplications.includes(resourceAppId);
}

export function blocksDeviceCode(p: ConditionalAccessPolicy): boolean {
  const flows = (p.conditions.authenticationFlows?.transferMethods ?? "").split(",").map((s) => s.trim());
  return flows.includes("deviceCodeFlow") && (p.grantControls?.builtInControls ?? []).includes("block");
}

/** Device code redemption: an enabled policy blocking deviceCodeFlow for this user and resource refuses the token. */
export function checkDeviceCodeSignIn(dir: Directory, user: User, resourceAppId: string): void {
  const blocking = policiesOf(dir).conditionalAccess.find(
    (p) =>
      p.state === "enabled" &&
      blocksDeviceCode(p) &&
      targetsUser(p, user) &&
      targetsResource(p, resourceAppId),
  );
  if (blocking) {
    throw new OAuthError(
      400,
      "invalid_grant",
      53003,
      "Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.",
    );
  }
}

/** A scope the tenant's administrators refused: AADSTS65001 on every grant that asks for it. */
export function checkDeclinedScopes(
  dir: Directory,
  client: { appId: string; displayName: string },
  scopes: readonly string[],
): void {
  const declined = policiesOf(dir).declinedScopes.map((s) => s.toLowerCase());
  if (!scopes.some((s) => declined.includes(s.toLowerCase()))) return;
  throw new OAuthError(
    400,
    "invalid_grant",
    65001,
    `The user or administrator has not consented to use the application with ID '${client.appId}' named '${client.displayName}'. Send an interactive authorization request for this user and resource.`,
  );
}
