/**
 * One partner sign-in for a whole fleet: the MSP's admin signs in once (device code, or browser),
 * then each customer tenant's token comes from msal's silent flow with the partner's account and the
 * customer's own authority (`{host}/{tenant}`), which Entra answers only through an active GDAP
 * relationship. Where it refuses in a way core's classifier calls `needsInteractiveSignIn` (no
 * relationship: AADSTS50020; the client never consented there: AADSTS65001; MFA ...), that tenant gets
 * its own sign-in, one prompt at a time.
 */
import type { AccountInfo, AuthenticationResult, PublicClientApplication } from "@azure/msal-node";
import { adminScopes, CoreError, needsInteractiveSignIn, tokenFailureFromMsal } from "@boxafe-connect/core";
import { msalAuthority, retryingNetwork } from "@boxafe-connect/runtime";
import { defaultPublicClientId } from "../auth/authority.js";
import { approveSandboxDeviceCode } from "../auth/sandbox-browser.js";
import { toSignInError } from "../auth/sign-in.js";
import type { Output } from "../output.js";

export interface FleetTarget {
  /** Entra's host (https://login.microsoftonline.com) or the sandbox origin. */
  readonly authorityHost: string;
  /** Resource URI of the delegated Graph scopes (https://graph.microsoft.com, or the national cloud's). */
  readonly graphResource: string;
  /** Sandbox only: who approves device codes (the partner's and each tenant's own admin), if not auto. */
  readonly sandbox?: { readonly origin: string; readonly partnerUpn?: string };
}

export interface TenantToken {
  readonly signIn: "gdap" | "tenant";
  readonly tenantId: string;
  getAccessToken(): Promise<string>;
}

export interface PartnerSession {
  readonly username: string;
  readonly tenantId: string;
  tokenFor(tenant: string, label: string): Promise<TenantToken>;
}

const REFRESH_MARGIN_MS = 120_000;
async function makeApp(
  clientId: string,
  authorityHost: string,
  tenant: string,
): Promise<PublicClientApplication> {
  const { LogLevel, PublicClientApplication } = await import("@azure/msal-node");
  return new PublicClientApplication({
    auth: { clientId, ...msalAuthority(authorityHost, tenant) },
    system: {
      // As the single-tenant sign-in: a 429/503 from Entra's device code or token endpoint (AADSTS90055,
      // with Retry-After) is retried instead of ending the partner's sign-in, a tenant's own, or its silent refresh.
      networkClient: retryingNetwork(),
      loggerOptions: { logLevel: LogLevel.Error, piiLoggingEnabled: false, loggerCallback: () => {} },
    },
  });
}

async function deviceCode(
  app: PublicClientApplication,
  scopes: string[],
  out: Output,
  who: string,
  approveAs?: { origin: string; upn: string },
): Promise<AuthenticationResult> {
  const result = await app.acquireTokenByDeviceCode({
    scopes,
    deviceCodeCallback: (response) => {
      if (approveAs) {
        void approveSandboxDeviceCode(approveAs.origin, response.userCode, approveAs.upn).catch(() => {});
        return;
      }
      out.warn(`${who}: open ${response.verificationUri} and enter the code ${response.userCode}`);
    },
  });
  if (!result) throw new CoreError("sign_in_failed", `${who}: the sign-in returned no token. Try again.`);
  return result;
}

/** Keeps one tenant's token fresh through `renew` (silent). */
function tokenHolder(first: AuthenticationResult, renew: () => Promise<AuthenticationResult | null>) {
  let current = first;
  return async () => {
    const fresh = current.expiresOn && current.expiresOn.getTime() - Date.now() > REFRESH_MARGIN_MS;
    if (fresh) return current.accessToken;
    try {
      current = (await renew()) ?? current;
    } catch (error) {
      throw toSignInError(error);
    }
    return current.accessToken;
  };
}

export async function signInPartner(
  target: FleetTarget,
  out: Output,
  options: {
    readonly clientId?: string;
    readonly perTenantUpn?: (tenant: string) => string | undefined;
  } = {},
): Promise<PartnerSession> {
  const clientId = options.clientId ?? defaultPublicClientId;
  // Delegated scopes are named by the Graph resource URI in every cloud (the sandbox included).
  const scopes = adminScopes(target.graphResource);
  const partnerApp = await makeApp(clientId, target.authorityHost, "organizations");
  const partnerUpn = target.sandbox?.partnerUpn;
  let signedIn: AuthenticationResult;
  try {
    signedIn = await deviceCode(
      partnerApp,
      scopes,
      out,
      "Partner sign-in",
      target.sandbox && partnerUpn ? { origin: target.sandbox.origin, upn: partnerUpn } : undefined,
    );
  } catch (error) {
    throw toSignInError(error);
  }
  const account: AccountInfo | null = signedIn.account;
  if (!account) throw new CoreError("sign_in_failed", "The partner sign-in returned no account. Try again.");
  for (const token of [signedIn.accessToken]) out.redactor.protect(token);
  // The partner's cache right after the sign-in (its account and refresh token). Each customer tenant's silent
  // flow runs on its own client seeded with it: one shared client's cache gathers every tenant's tokens and msal
  // scans all of them on each silent call, which made fleet setup's CPU per tenant grow with the fleet (380 ms
  // a tenant at the start of a 1,000-tenant run, 650 ms by tenant 435). Entra keeps a refresh token valid
  // after use, so every tenant may redeem the same one.
  const partnerCache = partnerApp.getTokenCache().serialize();
  // One interactive sign-in at a time: prompts for several tenants at once would be unreadable.
  let prompts: Promise<unknown> = Promise.resolve();
  const ownSignIn = (tenant: string, label: string): Promise<TenantToken> => {
    const run = prompts.then(async () => {
      const app = await makeApp(clientId, target.authorityHost, tenant);
      const upn = options.perTenantUpn?.(tenant);
      const result = await deviceCode(
        app,
        scopes,
        out,
        `Sign-in for ${label} (no delegated admin access through GDAP)`,
        target.sandbox && upn ? { origin: target.sandbox.origin, upn } : undefined,
      ).catch((error: unknown) => {
        throw toSignInError(error);
      });
      out.redactor.protect(result.accessToken);
      const own = result.account;
      return {
        signIn: "tenant" as const,
        tenantId: result.tenantId,
        getAccessToken: tokenHolder(result, () =>
          own ? app.acquireTokenSilent({ account: own, scopes }) : Promise.resolve(null),
        ),
      };
    });
    prompts = run.catch(() => undefined);
    return run;
  };
  return {
    username: account.username,
    tenantId: account.tenantId,
    async tokenFor(tenant, label) {
      const authority = `${new URL(target.authorityHost).origin}/${tenant}`;
      const tenantApp = await makeApp(clientId, target.authorityHost, tenant);
      tenantApp.getTokenCache().deserialize(partnerCache);
      const silent = () => tenantApp.acquireTokenSilent({ account, scopes, authority, forceRefresh: false });
      let result: AuthenticationResult;
      try {
        result = await silent();
      } catch (error) {
        // Core's token classifier decides whether the tenant's own sign-in may get what GDAP could not.
        if (needsInteractiveSignIn(tokenFailureFromMsal(error))) return ownSignIn(tenant, label);
        throw toSignInError(error);
      }
      out.redactor.protect(result.accessToken);
      return { signIn: "gdap", tenantId: result.tenantId, getAccessToken: tokenHolder(result, silent) };
    },
  };
}
