import { randomBytes } from "node:crypto";
import type { DeviceSession, SandboxContext } from "../context.js";
import { findPublicClient } from "./consent.js";
import { esc, hidden, page, userButtons } from "./html.js";
import { oauth } from "./oauth-error.js";
import { userChoices } from "./users.js";

const LIFETIME_S = 900;
/** Shorter than Entra's 5 s so device-code tests and demos do not idle. */
export const DEVICE_INTERVAL_S = 1;

function userCode(): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  return Array.from(randomBytes(9), (b) => alphabet[b % alphabet.length]).join("");
}

/** POST /{tenant}/oauth2/v2.0/devicecode. */
export function startDeviceCode(ctx: SandboxContext, form: Record<string, string>): Record<string, unknown> {
  const clientId = form.client_id;
  if (!clientId) throw oauth.missing("client_id");
  if (!findPublicClient(ctx, clientId)) throw oauth.unknownApp(clientId, ctx.dir.tenant.id);
  if (!form.scope) throw oauth.missing("scope");
  const session: DeviceSession = {
    deviceCode: randomBytes(32).toString("base64url"),
    userCode: userCode(),
    clientId,
    scope: form.scope,
    expiresAt: ctx.dir.now() + LIFETIME_S * 1000,
  };
  if (ctx.autoApprove) session.userId = ctx.dir.data.users[0]?.id;
  ctx.sessions.devices.set(session.deviceCode, session);
  const uri = `${ctx.origin}/devicelogin`;
  return {
    user_code: session.userCode,
    device_code: session.deviceCode,
    verification_uri: uri,
    expires_in: LIFETIME_S,
    interval: DEVICE_INTERVAL_S,
    message: `To sign in, use a web browser to open the page ${uri} and enter the code ${session.userCode} to authenticate.`,
  };
}

/** Approves a pending device code as the given user; returns an error text or undefined. */
export function approveDevice(ctx: SandboxContext, code: string, upn: string): string | undefined {
  const wanted = code.trim().toUpperCase();
  const session = [...ctx.sessions.devices.values()].find((s) => s.userCode === wanted);
  if (!session || session.expiresAt <= ctx.dir.now()) return `No pending sign-in has the code ${wanted}.`;
  const user = ctx.dir.userByUpn(upn);
  if (!user) return `No user ${upn} in this tenant.`;
  session.userId = user.id;
  return undefined;
}

export function deviceLoginPage(ctx: SandboxContext, message?: string, code = ""): string {
  const error = message ? `<p class="err">${esc(message)}</p>` : "";
  return page(
    "Enter code",
    `<h1>Enter code</h1>${error}<form method="post" action="/devicelogin">
<p><input name="user_code" value="${esc(code)}" placeholder="Code" autocomplete="off" required></p>
<p>Sign in as:</p>${userButtons(userChoices(ctx))}${hidden({})}</form>`,
  );
}
