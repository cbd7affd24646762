/**
 * The second sign-in, for Exchange Online: the same msal-node flow as the admin's Graph sign-in,
 * with the Exchange Online PowerShell module's public client and the Exchange resource's `.default`
 * (only an Exchange Administrator or Global Administrator may then run the org cmdlets).
 */
import { EXCHANGE_POWERSHELL_CLIENT_ID, exchangeAdminScope } from "@boxafe-connect/core";
import type { SignedIn } from "../auth/sign-in.js";
import { signIn } from "../auth/sign-in.js";
import type { SignInOptions } from "../requests/session-request.js";
import type { Io, Target } from "../target/resolve-target.js";
import { renderPrompt } from "./admin-session.js";

/** `options` is the run's typed sign-in request (--auth, --open-browser), parsed once at the edge. */
export async function signInExchange(io: Io, target: Target, options: SignInOptions): Promise<SignedIn> {
  const step = io.out.step("Signing in to Exchange Online (Exchange Administrator or Global Administrator)");
  try {
    const signedIn = await signIn({
      flow: options.flow,
      clientId: EXCHANGE_POWERSHELL_CLIENT_ID,
      authority: target.authority,
      scopes: [exchangeAdminScope(target.endpoints)],
      ...(target.sandbox ? { sandbox: target.sandbox } : {}),
      openBrowser: options.openBrowser,
      env: io.env,
      onPrompt: (prompt) => renderPrompt(io.out, prompt),
    });
    step.done(`Signed in to Exchange Online as ${signedIn.username}`);
    const redacting: SignedIn = {
      ...signedIn,
      async getAccessToken() {
        const token = await signedIn.getAccessToken();
        io.out.redactor.protect(token);
        return token;
      },
    };
    return redacting;
  } catch (error) {
    step.fail("Exchange Online sign-in failed");
    throw error;
  }
}
