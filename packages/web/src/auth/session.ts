/**
 * Everything heavy about signing in: msal-browser and the Graph client. Loaded by dynamic import
 * when sign-in starts (or when a redirect comes back), so the first page stays small.
 */
import type { AccountInfo, AuthenticationResult } from "@azure/msal-browser";
import { InteractionRequiredAuthError, PublicClientApplication } from "@azure/msal-browser";
import type { GraphPort } from "@boxafe-connect/core";
import { CoreError, graphPortFromClient } from "@boxafe-connect/core";
import { Client } from "@microsoft/microsoft-graph-client";
import type { WebConfig } from "../config.js";
import { msalConfiguration } from "./msal-config.js";
import { graphResource, setupScopes } from "./scopes.js";

export interface SignedIn {
  readonly username: string;
  readonly name: string;
  readonly tenantId: string;
  /** A current delegated Graph token (silent renewal; redirects when interaction is needed). */
  accessToken(): Promise<string>;
  readonly graph: GraphPort;
  /**
   * A Graph port whose token also carries `extraScopes` (preflight's Policy.Read.All): silent only, so the
   * review never leaves the page; rejects when consent is missing or refused (preflight then says unknown).
   */
  graphWith(extraScopes: readonly string[]): Promise<GraphPort>;
}

export interface Auth {
  /** The account back from a sign-in redirect, or one already signed in in this tab. */
  readonly signedIn: SignedIn | undefined;
  /** Leaves the page for the authority's sign-in; the page is reloaded on return. */
  signIn(loginHint?: string): Promise<void>;
}

function signInError(error: unknown): CoreError {
  const code =
    typeof error === "object" && error !== null && "errorCode" in error ? String(error.errorCode) : "unknown";
  return new CoreError("sign_in_failed", `Sign-in did not complete (${code}). Sign in again.`, {
    cause: error,
    upstreamCode: code,
  });
}

export async function startAuth(config: WebConfig, origin: string): Promise<Auth> {
  const msal = new PublicClientApplication(msalConfiguration(config, origin));
  await msal.initialize();
  let result: AuthenticationResult | null;
  try {
    result = await msal.handleRedirectPromise();
  } catch (error) {
    throw signInError(error);
  }
  const account: AccountInfo | undefined = result?.account ?? msal.getAllAccounts()[0];
  if (account) msal.setActiveAccount(account);
  const scopes = setupScopes(config.cloud);

  const accessToken = async (): Promise<string> => {
    const active = msal.getActiveAccount();
    if (!active) throw new CoreError("unauthenticated", "You are not signed in. Sign in to continue.");
    try {
      return (await msal.acquireTokenSilent({ scopes, account: active })).accessToken;
    } catch (error) {
      if (error instanceof InteractionRequiredAuthError) {
        await msal.acquireTokenRedirect({ scopes, account: active });
      }
      throw new CoreError("token_expired", "Your sign-in has expired. Sign in again.", { cause: error });
    }
  };

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
      customHosts: new Set([new URL(config.graphBaseUrl).hostname]),
    });

  const graphWith = async (extraScopes: readonly string[]): Promise<GraphPort> => {
    const active = msal.getActiveAccount();
    if (!active) throw new CoreError("unauthenticated", "You are not signed in. Sign in to continue.");
    const root = graphResource(config.cloud);
    const wanted = [...scopes, ...extraScopes.map((s) => (s.includes("/") ? s : `${root}/${s}`))];
    const token = (await msal.acquireTokenSilent({ scopes: wanted, account: active })).accessToken;
    return graphPortFromClient(clientWith(async () => token));
  };

  const client = Client.init({
    authProvider: (done) => {
      accessToken().then(
        (token) => done(null, token),
        (error: unknown) => done(error instanceof Error ? error : new Error("no token"), null),
      );
    },
    baseUrl: config.graphBaseUrl,
    defaultVersion: "v1.0",
    // The SDK attaches the token only to Graph hosts it knows; the sandbox is one more (https only).
    customHosts: new Set([new URL(config.graphBaseUrl).hostname]),
  });

  const signedIn: SignedIn | undefined = account
    ? {
        username: account.username,
        name: account.name ?? account.username,
        tenantId: account.tenantId,
        accessToken,
        graph: graphPortFromClient(client),
        graphWith,
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
