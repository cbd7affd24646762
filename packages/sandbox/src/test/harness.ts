import { decodeJwt } from "jose";
import { type RunningSandbox, type SandboxOptions, startSandbox } from "../sandbox.js";
import { GRAPH_CLI_CLIENT_ID } from "../store/tenant.js";

export const ADMIN = "admin@contoso.onmicrosoft.com";
export const PRA = "pra@contoso.onmicrosoft.com";
export const APP_ADMIN = "appadmin@contoso.onmicrosoft.com";
export const USER = "user@contoso.onmicrosoft.com";
export const ADMIN_SCOPES =
  "https://graph.microsoft.com/Application.ReadWrite.All https://graph.microsoft.com/AppRoleAssignment.ReadWrite.All https://graph.microsoft.com/DelegatedPermissionGrant.ReadWrite.All https://graph.microsoft.com/User.Read openid profile offline_access";

export async function boot(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const started = performance.now();
  const sb = await startSandbox({ port: 0, ...options });
  console.log(`sandbox started in ${Math.round(performance.now() - started)} ms at ${sb.url}`);
  return sb;
}

export async function form(
  url: string,
  body: Record<string, string>,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(url, { method: "POST", body: new URLSearchParams(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** Signs a user in with the device code flow over HTTP, approving through the test hook. */
export async function userToken(
  sb: RunningSandbox,
  upn = ADMIN,
  scope = ADMIN_SCOPES,
  clientId = GRAPH_CLI_CLIENT_ID,
): Promise<string> {
  const base = `${sb.url}/${sb.tenantId}/oauth2/v2.0`;
  const dc = await form(`${base}/devicecode`, { client_id: clientId, scope });
  const approve = await fetch(`${sb.url}/_sandbox/device/approve`, {
    method: "POST",
    body: JSON.stringify({ user_code: dc.json.user_code, upn }),
  });
  if (approve.status !== 204) throw new Error(`approve failed: ${approve.status}`);
  const tok = await form(`${base}/token`, {
    client_id: clientId,
    grant_type: "device_code",
    device_code: String(dc.json.device_code),
  });
  if (tok.status !== 200) throw new Error(`token failed: ${JSON.stringify(tok.json)}`);
  return String(tok.json.access_token);
}

export interface GraphCall {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

/** A raw Graph call (fetch), for asserting exact statuses and bodies. */
export async function graph(
  sb: RunningSandbox,
  token: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<GraphCall> {
  const res = await fetch(`${sb.url}/v1.0${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    headers: res.headers,
  };
}

export function errorOf(call: GraphCall): {
  code: string;
  message: string;
  details?: { code: string; target?: string }[];
} {
  return call.body.error as { code: string; message: string; details?: { code: string; target?: string }[] };
}

export function claims(token: string): Record<string, unknown> {
  return decodeJwt(token) as Record<string, unknown>;
}

/** Creates an app + service principal as the admin and returns ids and a secret. */
export async function registerApp(
  sb: RunningSandbox,
  token: string,
  name = "QNAP Boxafe",
): Promise<{ id: string; appId: string; spId: string; secret: string }> {
  const app = await graph(sb, token, "POST", "/applications", { displayName: name });
  const sp = await graph(sb, token, "POST", "/servicePrincipals", { appId: app.body.appId });
  const pw = await graph(sb, token, "POST", `/applications/${app.body.id}/addPassword`, {
    passwordCredential: { displayName: "test" },
  });
  return {
    id: String(app.body.id),
    appId: String(app.body.appId),
    spId: String(sp.body.id),
    secret: String(pw.body.secretText),
  };
}

export async function hook(
  sb: RunningSandbox,
  path: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const res = await fetch(
    `${sb.url}/_sandbox/${path}`,
    body === undefined ? {} : { method: "POST", body: JSON.stringify(body) },
  );
  const text = await res.text();
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/** POST appRoleAssignedTo on a resource principal: grants `appRoleId` to `principalId`. */
export function assign(
  sb: RunningSandbox,
  token: string,
  resource: string,
  principalId: string,
  appRoleId: string,
): Promise<GraphCall> {
  return graph(sb, token, "POST", `/servicePrincipals/${resource}/appRoleAssignedTo`, {
    principalId,
    resourceId: resource,
    appRoleId,
  });
}

/** The service principal of `appId` by upsert (PATCH with Prefer: create-if-missing). */
export function upsertServicePrincipal(
  sb: RunningSandbox,
  token: string,
  appId: unknown,
): Promise<GraphCall> {
  return graph(
    sb,
    token,
    "PATCH",
    `/servicePrincipals(appId='${appId}')`,
    {},
    { Prefer: "create-if-missing" },
  );
}
