/**
 * Sign-in by browser, for tenants whose Conditional Access blocks device code: msal-node's
 * interactive flow (authorization code + PKCE, a loopback redirect on http://localhost:PORT and
 * response_mode=form_post, all msal's). We only show or open the URL, and give up after a while:
 * msal waits for the browser forever, so on time-out we post an error answer to its own loopback
 * listener, which closes it and rejects the sign-in.
 */
import type { AuthenticationResult, PublicClientApplication } from "@azure/msal-node";

export interface BrowserSignInInput {
  readonly pca: PublicClientApplication;
  readonly scopes: string[];
  readonly loginHint?: string;
  /** Shows the URL to the user and/or opens a browser (or, in a sandbox, plays the browser's part). */
  readonly openBrowser: (url: string) => Promise<void>;
  readonly timeoutMs?: number;
}

const page = (text: string) =>
  `<!doctype html><meta charset=utf-8><title>boxafe-connect</title><p>${text}</p>`;
const donePage = page("Signed in. You can close this window and return to the terminal.");
const failPage = page("Sign-in failed. Return to the terminal for the reason.");

/** Delivers `error=timeout` for this sign-in's state to msal's loopback listener. */
async function giveUp(authorizeUrl: URL): Promise<void> {
  const redirectUri = authorizeUrl.searchParams.get("redirect_uri");
  const state = authorizeUrl.searchParams.get("state");
  if (!redirectUri || !state) return;
  await fetch(redirectUri, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      error: "timeout",
      error_description: "No answer from the browser in time. Run the command again.",
      state,
    }).toString(),
  }).catch(() => {});
}

export async function browserSignIn(input: BrowserSignInInput): Promise<AuthenticationResult> {
  let authorizeUrl: URL | undefined;
  const timer = setTimeout(() => {
    if (authorizeUrl) void giveUp(authorizeUrl);
  }, input.timeoutMs ?? 300_000);
  try {
    return await input.pca.acquireTokenInteractive({
      scopes: input.scopes,
      // msal drops login_hint under prompt=select_account: a hint means "this account", no picker.
      ...(input.loginHint ? { loginHint: input.loginHint } : { prompt: "select_account" }),
      successTemplate: donePage,
      errorTemplate: failPage,
      openBrowser: async (url) => {
        authorizeUrl = new URL(url);
        await input.openBrowser(url);
      },
    });
  } finally {
    clearTimeout(timer);
  }
}
