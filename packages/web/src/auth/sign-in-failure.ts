/**
 * A sign-in that came back refused (msal-browser's redirect answer, or loginRedirect itself): core's
 * classifier says what it means (Conditional Access, an account from another tenant, throttling...), as
 * it does for the CLI; a consent refusal with Policy.Read.All asked too also marks the optional scopes
 * declined, so the next sign-in asks for the needed ones only (preflight's policy checks stay unknown).
 */
import { type CoreError, isConsentRefusal, signInError } from "@boxafe-connect/core";

/** Set when the authority refused consent for the optional scopes: the next sign-in asks without them. */
export const DECLINED_KEY = "boxafe-connect:optional-scopes-declined";

export function redirectFailure(error: unknown, storage: Pick<Storage, "setItem">): CoreError {
  const refused = signInError(error);
  if (isConsentRefusal(refused.upstreamCode)) storage.setItem(DECLINED_KEY, "1");
  return refused;
}
