import { randomBytes } from "node:crypto";
import type { SandboxContext } from "../context.js";
import { PUBLIC_CLIENTS, SANDBOX_WEB_CLIENT_ID } from "../store/tenant.js";
import { findPublicClient } from "./consent.js";
import { esc, hidden, page, userButtons } from "./html.js";
import { userChoices } from "./users.js";

const CODE_LIFETIME_MS = 10 * 60 * 1000;

function isLoopback(uri: URL): boolean {
  return uri.hostname === "localhost" || uri.hostname === "127.0.0.1" || uri.hostname === "[::1]";
}

/** Redirect URIs: built-in clients accept any loopback URI; registered apps need a listed one (port-free on loopback). */
export function redirectAllowed(ctx: SandboxContext, clientId: string, redirectUri: string): boolean {
  let uri: URL;
  try {
    uri = new URL(redirectUri);
  } catch {
    return false;
  }
  if (PUBLIC_CLIENTS[clientId]) return isLoopback(uri);
  const app = ctx.dir.appByAppId(clientId);
  if (!app) return false;
  const listed = [...app.web.redirectUris, ...app.spa.redirectUris, ...app.publicClient.redirectUris];
  return listed.some((l) => {
    if (l === redirectUri) return true;
    try {
      const u = new URL(l);
      return isLoopback(u) && isLoopback(uri) && u.protocol === uri.protocol && u.pathname === uri.pathname;
    } catch {
      return false;
    }
  });
}

/** Delivers the answer as Entra does: in the query (default), the fragment, or a self-posting form. */
function respond(back: URL, params: Record<string, string>, fields: Record<string, string>): AuthorizeResult {
  const all = { ...fields, ...(params.state ? { state: params.state } : {}) };
  const mode = params.response_mode ?? "query";
  if (mode === "form_post") {
    const html = page(
      "Signing in",
      `<form method="post" action="${esc(back.toString())}">${hidden(all)}<button type="submit">Continue</button></form><script>document.forms[0].submit()</script>`,
    );
    return { kind: "page", status: 200, html };
  }
  if (mode === "fragment") {
    back.hash = new URLSearchParams(all).toString();
    return { kind: "redirect", location: back.toString() };
  }
  for (const [k, v] of Object.entries(all)) back.searchParams.set(k, v);
  return { kind: "redirect", location: back.toString() };
}

export type AuthorizeResult =
  | { kind: "page"; status: number; html: string }
  | { kind: "redirect"; location: string };

/** GET/POST /{tenant}/oauth2/v2.0/authorize: shows the user picker, or redirects with a code once `upn` is chosen. */
export function authorize(
  ctx: SandboxContext,
  params: Record<string, string>,
  action: string,
): AuthorizeResult {
  const clientId = params.client_id ?? "";
  const redirectUri = params.redirect_uri ?? "";
  const client = findPublicClient(ctx, clientId);
  if (!client) {
    return {
      kind: "page",
      status: 400,
      html: page(
        "Error",
        `<h1>Sign in failed</h1><p class="err">AADSTS700016: Application with identifier '${esc(clientId)}' was not found in the directory.</p>`,
      ),
    };
  }
  if (!redirectAllowed(ctx, clientId, redirectUri)) {
    return {
      kind: "page",
      status: 400,
      html: page(
        "Error",
        `<h1>Sign in failed</h1><p class="err">AADSTS50011: The redirect URI '${esc(redirectUri)}' specified in the request does not match the redirect URIs configured for the application '${esc(clientId)}'.</p>`,
      ),
    };
  }
  const back = new URL(redirectUri);
  if (params.response_type !== "code") {
    return respond(back, params, {
      error: "unsupported_response_type",
      error_description: "AADSTS700054: response_type 'code' is the only one the sandbox supports.",
    });
  }
  if (clientId === SANDBOX_WEB_CLIENT_ID && params.code_challenge_method !== "S256") {
    return respond(back, params, {
      error: "invalid_request",
      error_description:
        "AADSTS9002325: Proof Key for Code Exchange is required for cross-origin authorization code redemption.",
    });
  }
  const upn = params.upn || params.sandbox_user;
  const user = upn ? ctx.dir.userByUpn(upn) : undefined;
  if (!user) {
    const { upn: _u, sandbox_user: _s, ...rest } = params;
    return {
      kind: "page",
      status: 200,
      html: page(
        "Sign in",
        `<h1>Sign in to ${esc(client.displayName)}</h1><p>Pick an account:</p><form method="post" action="${esc(action)}">${hidden(rest)}${userButtons(userChoices(ctx))}</form>`,
      ),
    };
  }
  const code = `sandbox.${randomBytes(32).toString("base64url")}`;
  ctx.sessions.codes.set(code, {
    clientId,
    redirectUri,
    scope: params.scope ?? "openid profile",
    userId: user.id,
    challenge: params.code_challenge ?? null,
    method: params.code_challenge_method ?? (params.code_challenge ? "plain" : null),
    expiresAt: ctx.dir.now() + CODE_LIFETIME_MS,
    used: false,
    ...(params.nonce ? { nonce: params.nonce } : {}),
  });
  return respond(back, params, { code });
}
