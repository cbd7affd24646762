/**
 * An admin's interactive sign-in that failed, as the page should say it: core's reading wherever the
 * classifier has one (a known AADSTS code such as Conditional Access 53003, an account from another
 * tenant 50020, throttling 90055; a 429/503; no network), else "did not complete" naming the code msal
 * or Entra gave (a local msal error: user_cancelled, nonce_mismatch, state_mismatch), which no rule reads.
 */
import { CoreError } from "../errors.js";
import { tokenRules } from "./token-codes.js";
import { tokenFailureFromMsal } from "./token-failure-readers.js";
import { classifyTokenFailure, tokenError, upstreamOf } from "./token-response.js";

export function signInError(error: unknown, what = "the sign-in"): CoreError {
  if (error instanceof CoreError) return error;
  const failure = tokenFailureFromMsal(error);
  const known = failure.aadsts !== undefined && tokenRules[failure.aadsts] !== undefined;
  const verdict = classifyTokenFailure(failure);
  const generic =
    !known &&
    verdict.wait === "final" &&
    (verdict.code === "sign_in_failed" || verdict.code === "graph_request_failed");
  if (!generic) return tokenError(failure, what, error);
  const code = upstreamOf(failure) ?? "unknown";
  return new CoreError("sign_in_failed", `Sign-in did not complete (${code}). Sign in again.`, {
    cause: error,
    upstreamCode: code,
  });
}
