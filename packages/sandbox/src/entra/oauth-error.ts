import { randomUUID } from "node:crypto";

/** Entra's OAuth error body: `{error, error_description "AADSTSnnnn: ...", error_codes, timestamp, trace_id, correlation_id}`. */
export interface OAuthErrorBody {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  error_uri?: string;
}

export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly code: number,
    readonly description: string,
  ) {
    super(`AADSTS${code}: ${description}`);
  }

  body(correlationId?: string): OAuthErrorBody {
    const traceId = randomUUID();
    const correlation = correlationId || randomUUID();
    const now = new Date()
      .toISOString()
      .replace("T", " ")
      .replace(/\.\d+Z$/, "Z");
    return {
      error: this.error,
      error_description: `AADSTS${this.code}: ${this.description} Trace ID: ${traceId} Correlation ID: ${correlation} Timestamp: ${now}`,
      error_codes: [this.code],
      timestamp: now,
      trace_id: traceId,
      correlation_id: correlation,
      error_uri: `https://login.microsoftonline.com/error?code=${this.code}`,
    };
  }
}

export const oauth = {
  tenantNotFound: (tenant: string) =>
    new OAuthError(
      400,
      "invalid_request",
      90002,
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
    ),
  unknownApp: (appId: string, tenant: string) =>
    new OAuthError(
      400,
      "unauthorized_client",
      700016,
      `Application with identifier '${appId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    ),
  missingServicePrincipal: (appId: string, tenant: string) =>
    new OAuthError(
      401,
      "invalid_client",
      7000229,
      `The client application ${appId} is missing service principal in the tenant ${tenant}.`,
    ),
  invalidSecret: (appId: string) =>
    new OAuthError(
      401,
      "invalid_client",
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${appId}'.`,
    ),
  expiredSecret: (appId: string) =>
    new OAuthError(
      401,
      "invalid_client",
      7000222,
      `The provided client secret keys for app '${appId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`,
    ),
  noCredential: () =>
    new OAuthError(
      401,
      "invalid_client",
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    ),
  assertion: (code: number, text: string) => new OAuthError(401, "invalid_client", code, text),
  badScope: (scope: string) =>
    new OAuthError(
      400,
      "invalid_scope",
      1002012,
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    ),
  invalidScope: (scope: string) =>
    new OAuthError(
      400,
      "invalid_scope",
      70011,
      `The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid. The scope ${scope} is not valid.`,
    ),
  unknownResource: (resource: string, tenant: string) =>
    new OAuthError(
      400,
      "invalid_resource",
      500011,
      `The resource principal named ${resource} was not found in the tenant named ${tenant}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
    ),
  unsupportedGrant: (grant: string) =>
    new OAuthError(
      400,
      "unsupported_grant_type",
      70003,
      `The app requested an unsupported grant type '${grant}'.`,
    ),
  missing: (param: string) =>
    new OAuthError(
      400,
      "invalid_request",
      900144,
      `The request body must contain the following parameter: '${param}'.`,
    ),
  pending: () =>
    new OAuthError(
      400,
      "authorization_pending",
      70016,
      "OAuth 2.0 device flow error. Authorization is pending. Continue polling.",
    ),
  deviceExpired: () =>
    new OAuthError(
      400,
      "expired_token",
      70020,
      "The provided value for the input parameter 'device_code' is expired.",
    ),
  badGrant: (code: number, text: string) => new OAuthError(400, "invalid_grant", code, text),
  /** A silent sign-in for a client never consented in this tenant (Entra's AADSTS65001, suberror consent_required). */
  consentRequired: (appId: string) =>
    new OAuthError(
      400,
      "invalid_grant",
      65001,
      `The user or administrator has not consented to use the application with ID '${appId}'. Send an interactive authorization request for this user and resource.`,
    ),
  /** A user of another tenant with no access here: no guest account and no delegated admin relationship. */
  foreignUser: (upn: string, homeTenantId: string, tenant: string) =>
    new OAuthError(
      400,
      "invalid_grant",
      50020,
      `User account '${upn}' from identity provider 'https://sts.windows.net/${homeTenantId}/' does not exist in tenant '${tenant}' and cannot access the application in that tenant. The account needs to be added as an external user in the tenant first.`,
    ),
  publicClientOnly: (appId: string) =>
    new OAuthError(
      400,
      "invalid_client",
      700025,
      `Client is public so neither 'client_assertion' nor 'client_secret' should be presented. (app ${appId})`,
    ),
};
