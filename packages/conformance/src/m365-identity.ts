/**
 * CLI for Microsoft 365 signs in with an app registration of the admin's own since v10 ("Use your own
 * Microsoft Entra identity", pnp.github.io/cli-microsoft365/user-guide/using-own-identity): a public
 * client (device code needs "Allow public client flows"), with the delegated Graph permissions the
 * commands need, consented for the tenant. This registers that app in the sandbox as an admin would in
 * the portal: app, service principal, AllPrincipals grant. `m365 entra app add --grantAdminConsent`
 * needs Application.ReadWrite.All, AppRoleAssignment.ReadWrite.All and DelegatedPermissionGrant.ReadWrite.All.
 */
import { GRAPH_CLI_CLIENT_ID } from "@boxafe-connect/sandbox";

export const M365_IDENTITY_NAME = "CLI for Microsoft 365";
const GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";
export const M365_IDENTITY_SCOPES = [
  "User.Read",
  "Application.ReadWrite.All",
  "AppRoleAssignment.ReadWrite.All",
  "DelegatedPermissionGrant.ReadWrite.All",
] as const;

async function form(url: string, body: Record<string, string>): Promise<Record<string, unknown>> {
  const res = await fetch(url, { method: "POST", body: new URLSearchParams(body) });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status} ${String(json.error_description)}`);
  return json;
}

/** A Global Administrator's Graph token for the test's own set-up calls (device code, approved by hook). */
export async function adminToken(sandboxUrl: string, tenantId: string, upn: string): Promise<string> {
  const scope = M365_IDENTITY_SCOPES.map((s) => `https://graph.microsoft.com/${s}`).join(" ");
  const base = `${sandboxUrl}/${tenantId}/oauth2/v2.0`;
  const dc = await form(`${base}/devicecode`, { client_id: GRAPH_CLI_CLIENT_ID, scope });
  const approve = await fetch(`${sandboxUrl}/_sandbox/device/approve`, {
    method: "POST",
    body: JSON.stringify({ user_code: dc.user_code, upn }),
  });
  if (approve.status !== 204) throw new Error(`device approve: HTTP ${approve.status}`);
  const token = await form(`${base}/token`, {
    client_id: GRAPH_CLI_CLIENT_ID,
    grant_type: "device_code",
    device_code: String(dc.device_code),
  });
  return String(token.access_token);
}

async function graph(sandboxUrl: string, token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${sandboxUrl}/v1.0${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status >= 300) throw new Error(`${method} ${path}: HTTP ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** Registers m365's own identity app and consents it; returns its appId (m365's `--appId`). */
export async function registerM365Identity(sandboxUrl: string, token: string): Promise<string> {
  const graphSp = await graph(sandboxUrl, token, "GET", `/servicePrincipals(appId='${GRAPH_APP_ID}')`);
  const scopes = (graphSp.oauth2PermissionScopes ?? []) as { id: string; value: string }[];
  const resourceAccess = M365_IDENTITY_SCOPES.map((value) => {
    const scope = scopes.find((s) => s.value === value);
    if (!scope) throw new Error(`Microsoft Graph has no delegated permission ${value}`);
    return { id: scope.id, type: "Scope" };
  });
  const app = await graph(sandboxUrl, token, "POST", "/applications", {
    displayName: M365_IDENTITY_NAME,
    signInAudience: "AzureADMyOrg",
    isFallbackPublicClient: true,
    publicClient: { redirectUris: ["http://localhost"] },
    requiredResourceAccess: [{ resourceAppId: GRAPH_APP_ID, resourceAccess }],
  });
  const sp = await graph(sandboxUrl, token, "POST", "/servicePrincipals", { appId: app.appId });
  await graph(sandboxUrl, token, "POST", "/oauth2PermissionGrants", {
    clientId: sp.id,
    consentType: "AllPrincipals",
    principalId: null,
    resourceId: graphSp.id,
    scope: M365_IDENTITY_SCOPES.join(" "),
  });
  return String(app.appId);
}
