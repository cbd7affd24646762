/**
 * Everything heavy about signing in: msal-browser and the Graph client. Loaded by dynamic import
 * when sign-in starts (or when a redirect comes back), so the first page stays small.
 */
import type { AccountInfo, AuthenticationResult } from "@azure/msal-browser";
import {
  CacheLookupPolicy,
  InteractionRequiredAuthError,
  PublicClientApplication,
} from "@azure/msal-browser";
import type { GraphPort } from "@boxafe-connect/core";
import { CoreError, graphPortFromClient, preflightScopes, signInError } from "@boxafe-connect/core";
import { Client } from "@microsoft/microsoft-graph-client";
import type { WebConfig } from "../config.js";
import { msalConfiguration } from "./msal-config.js";
import { graphResource, setupScopes } from "./scopes.js";
import { DECLINED_KEY, redirectFailure } from "./sign-in-failure.js";
import { covers, scopeKey, tokenSource } from "./token-source.js";

export interface SignedIn {
  readonly username: string;
  readonly name: string;
  readonly tenantId: string;
  /** A current delegated Graph token (silent renewal; redirects when interaction is needed). */
  accessToken(): Promise<string>;
  readonly graph: GraphPort;
  /**
   * A Graph port whose token also carries `extraScopes` (preflight's Policy.Read.All). The sign-in asks for
   * Policy.Read.All up front, so this is the same port and token as `graph`; otherwise (the admin declined
   * it) a silent token only, so the review never leaves the page; rejects when consent is missing or
   * refused (preflight then says unknown).
   */
  graphWith(extraScopes: readonly string[]): Promise<GraphPort>;
  /** The sign-in asked for Policy.Read.All (not declined before): `graph`'s token can read the policies. */
  readonly readPolicies: boolean;
}

export interface Auth {
  /** The account back from a sign-in redirect, or one already signed in in this tab. */
  readonly signedIn: SignedIn | undefined;
  /** Leaves the page for the authority's sign-in; the page is reloaded on return. */
  signIn(loginHint?: string): Promise<void>;
}

/**
 * The scopes as the token endpoint named them for a requested set. Entra answers Microsoft Graph's scopes
 * in short form ("User.Read", not "https://graph.microsoft.com/User.Read"), msal caches the access token
 * under the answer's names and matches a request by exact name, so a request with resource-qualified
 * names never finds it and refreshes every time (AzureAD/microsoft-authentication-library-for-js#488,
 * #1240). Looking the cache up with the answer's names (cache only) finds it; only names, never a token.
 */
const NAMED_PREFIX = "boxafe-connect:token-scopes:";

function rememberNames(requested: readonly string[], named: readonly string[]): void {
  if (named.length > 0)
    window.sessionStorage.setItem(NAMED_PREFIX + scopeKey(requested), JSON.stringify(named));
}

function namesFor(requested: readonly string[]): string[] | undefined {
  const raw = window.sessionStorage.getItem(NAMED_PREFIX + scopeKey(requested));
  if (raw === null) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) && parsed.every((s) => typeof s === "string") ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export async function startAuth(config: WebConfig, origin: string): Promise<Auth> {
  const msal = new PublicClientApplication(msalConfiguration(config, origin));
  await msal.initialize();
  const root = graphResource(config.cloud);
  const optional = preflightScopes(root);
  let result: AuthenticationResult | null;
  try {
    result = await msal.handleRedirectPromise();
  } catch (error) {
    throw redirectFailure(error, window.sessionStorage);
  }
  const account: AccountInfo | undefined = result?.account ?? msal.getAllAccounts()[0];
  if (account) msal.setActiveAccount(account);
  // One scope set for the sign-in and every token after it (Policy.Read.All up front, as core and the CLI
  // ask since preflight's reads joined observe): msal caches one access token per scope set and drops the
  // ones whose scopes overlap a new one, so two sets for one resource evict each other and every call
  // would refresh again.
  const declined = window.sessionStorage.getItem(DECLINED_KEY) === "1";
  const scopes = declined ? setupScopes(config.cloud) : [...setupScopes(config.cloud), ...optional];
  if (result) rememberNames(scopes, result.scopes);
  const activeAccount = (): AccountInfo => {
    const active = msal.getActiveAccount();
    if (!active) throw new CoreError("unauthenticated", "You are not signed in. Sign in to continue.");
    return active;
  };

  /** msal's cached token under the names the endpoint gave (no request), else a silent renewal (one). */
  const silent = async (wanted: string[], account: AccountInfo): Promise<string> => {
    const named = namesFor(wanted);
    if (named) {
      try {
        const cached = await msal.acquireTokenSilent({
          scopes: named,
          account,
          cacheLookupPolicy: CacheLookupPolicy.AccessToken,
        });
        return cached.accessToken;
      } catch {
        // Not cached or about to expire: renew with the names as asked (the endpoint resolves them).
      }
    }
    const renewed = await msal.acquireTokenSilent({ scopes: wanted, account });
    rememberNames(wanted, renewed.scopes);
    return renewed.accessToken;
  };

  // The base set: renews silently, and leaves for the sign-in when interaction is needed.
  const interactive = tokenSource(async (wanted) => {
    const active = activeAccount();
    try {
      return await silent(wanted, active);
    } catch (error) {
      if (error instanceof InteractionRequiredAuthError) {
        await msal.acquireTokenRedirect({ scopes: wanted, account: active });
      }
      throw new CoreError("token_expired", "Your sign-in has expired. Sign in again.", { cause: error });
    }
  });
  // Extra scopes the sign-in did not get: silent only (the review never leaves the page).
  const silentOnly = tokenSource(
    async (wanted) =>
      (await msal.acquireTokenSilent({ scopes: wanted, account: activeAccount() })).accessToken,
  );
  const accessToken = (): Promise<string> => interactive.token(scopes);

  const clientWith = (token: () => Promise<string>) =>
    Client.init({
      authProvider: (done) => {
        token().then(
          (value) => done(null, value),
          (error: unknown) => done(error instanceof Error ? error : new Error("no token"), null),
        );
      },
      baseUrl: config.graphBaseUrl,
      defaultVersion: "v1.0",
      // The SDK attaches the token only to Graph hosts it knows; the sandbox is one more (https only).
      customHosts: new Set([new URL(config.graphBaseUrl).hostname]),
    });

  const graph = graphPortFromClient(clientWith(accessToken));

  const graphWith = async (extraScopes: readonly string[]): Promise<GraphPort> => {
    activeAccount();
    const wanted = [...scopes, ...extraScopes.map((s) => (s.includes("/") ? s : `${root}/${s}`))];
    // The sign-in's token already carries them: the same port, no second acquisition.
    if (covers(scopes, wanted)) return graph;
    const token = await silentOnly.token(wanted);
    return graphPortFromClient(clientWith(async () => token));
  };

  const signedIn: SignedIn | undefined = account
    ? {
        username: account.username,
        name: account.name ?? account.username,
        tenantId: account.tenantId,
        accessToken,
        graph,
        graphWith,
        readPolicies: !declined,
      }
    : undefined;

  return {
    signedIn,
    async signIn(loginHint?: string) {
      try {
        await msal.loginRedirect({ scopes, prompt: "select_account", ...(loginHint ? { loginHint } : {}) });
      } catch (error) {
        throw signInError(error);
      }
    },
  };
}
