/**
 * Admin sign-in with msal-node: device code (default) or browser (auth code + PKCE). The prompt to
 * show (code + URL, or the browser URL) goes to a callback; tokens never leave this module except
 * through `getAccessToken`.
 */
import type { AccountInfo, AuthenticationResult } from "@azure/msal-node";
import {
  CoreError,
  classifyTokenFailure,
  isConsentRefusal,
  tokenFailureFromMsal,
} from "@boxafe-connect/core";
import type { AuthorityConfig } from "./authority.js";
import { browserSignIn } from "./browser-sign-in.js";
import { openBrowser } from "./open-browser.js";
import { recordingNetwork } from "./recording-network.js";
import { approveSandboxDeviceCode, completeSandboxAuthorize } from "./sandbox-browser.js";

export type SignInPrompt =
  | {
      readonly kind: "device";
      readonly userCode: string;
      readonly verificationUri: string;
      readonly message: string;
    }
  | { readonly kind: "browser"; readonly url: string }
  | { readonly kind: "sandbox"; readonly upn: string };

export interface SignInRequest {
  readonly flow: "device" | "browser";
  readonly clientId: string;
  readonly authority: AuthorityConfig;
  readonly scopes: string[];
  /**
   * Asked for at the same sign-in, but not needed (preflight's Policy.Read.All): when the token endpoint
   * refuses consent for the lot (core's isConsentRefusal), the sign-in is done again without them.
   */
  readonly optionalScopes?: readonly string[];
  /** Set for a sandbox: who signs in when nobody is at the page (`--as`, or the auto-approved admin). */
  readonly sandbox?: {
    readonly origin: string;
    readonly upn?: string;
    readonly autoApproves: boolean;
    readonly adminUpn: string;
  };
  readonly openBrowser: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly onPrompt: (prompt: SignInPrompt) => void;
}

export interface SignedIn {
  readonly username: string;
  readonly tenantId: string;
  /** The flow that signed the admin in (browser after a device-code refusal). */
  readonly flow: "device" | "browser";
  /** The optional scopes the sign-in could not get, and the token endpoint's answer. */
  readonly declined?: { readonly scopes: readonly string[]; readonly reason: string };
  /** Optional scopes were asked for and the token carries them. */
  readonly optionalGranted: boolean;
  /** With `extraScopes`, an incremental consent (see `incremental` below); rejects when refused. */
  getAccessToken(options?: { readonly extraScopes?: readonly string[] }): Promise<string>;
}

/** msal's messages end in trace and correlation ids; keep the first sentence part. */
function shortMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split(/\s*Trace ID:/)[0] ?? text).trim();
}

/**
 * Core's token classifier decides the code; a refused sign-in keeps msal's first sentence (Entra's
 * words about the admin's own sign-in, e.g. which policy blocked it), anything else core's message.
 */
export function toSignInError(error: unknown): CoreError {
  if (error instanceof CoreError) return error;
  const message = shortMessage(error);
  // Core's reading of msal's error (a throttled endpoint msal reports as post_request_failed included).
  const read = tokenFailureFromMsal(error);
  const verdict = classifyTokenFailure(read);
  const upstreamCode = read.aadsts === undefined ? read.error : `AADSTS${read.aadsts}`;
  const options = { cause: error, ...(upstreamCode ? { upstreamCode } : {}) };
  if (verdict.code === "sign_in_failed" || verdict.code === "graph_request_failed") {
    return new CoreError("sign_in_failed", `Sign-in failed: ${message}`, options);
  }
  return new CoreError(verdict.code, verdict.message("the sign-in"), options);
}

type Pca = import("@azure/msal-node").PublicClientApplication;

/** One interactive acquisition (device code or browser) for these scopes. */
async function interactive(
  pca: Pca,
  request: SignInRequest,
  scopes: string[],
): Promise<AuthenticationResult | null> {
  const sandbox = request.sandbox;
  const actAs = sandbox?.upn;
  if (request.flow === "device") {
    return pca.acquireTokenByDeviceCode({
      scopes,
      deviceCodeCallback: (response) => {
        if (sandbox && (actAs || sandbox.autoApproves)) {
          request.onPrompt({ kind: "sandbox", upn: actAs ?? sandbox.adminUpn });
          if (actAs) void approveSandboxDeviceCode(sandbox.origin, response.userCode, actAs).catch(() => {});
          return;
        }
        request.onPrompt({
          kind: "device",
          userCode: response.userCode,
          verificationUri: response.verificationUri,
          message: response.message,
        });
        if (request.openBrowser) void openBrowser(response.verificationUri, request.env);
      },
    });
  }
  const sandboxUser = sandbox ? (actAs ?? (sandbox.autoApproves ? sandbox.adminUpn : undefined)) : undefined;
  return browserSignIn({
    pca,
    scopes,
    openBrowser: async (url) => {
      if (sandbox && sandboxUser) {
        request.onPrompt({ kind: "sandbox", upn: sandboxUser });
        await completeSandboxAuthorize(url, sandboxUser);
        return;
      }
      request.onPrompt({ kind: "browser", url });
      await openBrowser(url, request.env);
    },
  });
}

export async function signIn(request: SignInRequest): Promise<SignedIn> {
  const { LogLevel, PublicClientApplication } = await import("@azure/msal-node");
  const network = recordingNetwork();
  const pca = new PublicClientApplication({
    auth: { clientId: request.clientId, ...request.authority },
    system: {
      networkClient: network,
      loggerOptions: { logLevel: LogLevel.Error, piiLoggingEnabled: false, loggerCallback: () => {} },
    },
  });
  const actAs = request.sandbox?.upn;
  /** msal's device code poller hides the AADSTS code; the recorded token error brings it back. */
  const failed = (error: unknown): CoreError => {
    const server = network.lastTokenError();
    if (
      error instanceof CoreError ||
      server?.code === undefined ||
      shortMessage(error).includes(`AADSTS${server.code}`)
    ) {
      return toSignInError(error);
    }
    return toSignInError(
      Object.assign(new Error(server.description || server.error), { errorCode: server.error }),
    );
  };
  const optional = [...(request.optionalScopes ?? [])];
  let granted = [...request.scopes, ...optional];
  let declined: SignedIn["declined"];
  let result: AuthenticationResult | null;
  try {
    network.clear();
    result = await interactive(pca, request, granted);
  } catch (error) {
    const refused = failed(error);
    if (optional.length === 0 || !isConsentRefusal(refused.upstreamCode)) throw refused;
    // Consent refused with the optional scopes asked too: sign in for the needed ones only.
    declined = { scopes: optional, reason: refused.message };
    granted = [...request.scopes];
    try {
      network.clear();
      result = await interactive(pca, request, granted);
    } catch (again) {
      throw failed(again);
    }
  }
  if (!result) throw new CoreError("sign_in_failed", "Sign-in returned no token. Try again.");
  const account: AccountInfo | null = result.account;
  if (actAs && account && account.username.toLowerCase() !== actAs.toLowerCase()) {
    throw new CoreError(
      "invalid_input",
      `The sandbox signed in ${account.username}, not ${actAs}: it approves device codes automatically. Start it without --auto-approve to use --as.`,
      { field: "as" },
    );
  }
  let current = result;
  return {
    username: account?.username ?? "unknown",
    tenantId: account?.tenantId ?? result.tenantId,
    flow: request.flow,
    ...(declined ? { declined } : {}),
    optionalGranted: optional.length > 0 && declined === undefined,
    async getAccessToken(options) {
      const extra = options?.extraScopes ?? [];
      if (extra.length > 0) return incremental(extra);
      const fresh = current.expiresOn && current.expiresOn.getTime() - Date.now() > 120_000;
      if (fresh || !account) return current.accessToken;
      try {
        current = await pca.acquireTokenSilent({ account, scopes: granted });
        return current.accessToken;
      } catch (error) {
        throw toSignInError(error);
      }
    },
  };

  /**
   * Incremental consent for a few more Graph scopes (preflight's Policy.Read.All): silently through the refresh
   * token first, then one more interactive sign-in with the same flow; a refusal rejects with the AADSTS reason.
   */
  async function incremental(extra: readonly string[]): Promise<string> {
    const root = request.scopes[0]?.replace(/\/[^/]*$/, "") ?? "https://graph.microsoft.com";
    const scopes = [
      ...new Set([...granted, ...extra.map((scope) => (scope.includes("/") ? scope : `${root}/${scope}`))]),
    ];
    if (account) {
      try {
        return (await pca.acquireTokenSilent({ account, scopes })).accessToken;
      } catch {
        // Not consented yet (AADSTS65001 / interaction_required): ask once, interactively.
      }
    }
    try {
      network.clear();
      const answer = await interactive(pca, request, scopes);
      if (!answer)
        throw new CoreError("sign_in_failed", "The sign-in for the extra permission returned no token.");
      return answer.accessToken;
    } catch (error) {
      throw toSignInError(error);
    }
  }
}
