import { describe, expect, it } from "vitest";
import { CoreError } from "../errors.js";
import { signInError } from "./sign-in-error.js";

/** The shape msal-common's ServerError has in msal-browser and msal-node (core reads it duck-typed). */
function serverError(errorCode: string, errorMessage: string, status?: number) {
  return Object.assign(new Error(`${errorCode}: ${errorMessage}`), {
    errorCode,
    errorMessage,
    ...(status === undefined ? {} : { status }),
  });
}

describe("signInError", () => {
  it("says a Conditional Access block as core's rule does, with its AADSTS code", () => {
    const error = signInError(
      serverError("invalid_grant", "AADSTS53003: Access has been blocked by Conditional Access policies."),
    );
    expect(error.code).toBe("sign_in_failed");
    expect(error.upstreamCode).toBe("AADSTS53003");
    expect(error.message).toMatch(/Conditional Access/);
    expect(error.message).not.toMatch(/did not complete/);
  });

  it("says an account of another tenant is not in this one (AADSTS50020)", () => {
    const error = signInError(
      serverError("invalid_request", "AADSTS50020: User account from identity provider"),
    );
    expect(error).toMatchObject({ code: "sign_in_failed", upstreamCode: "AADSTS50020" });
    expect(error.message).toMatch(/not in this tenant/);
  });

  it("reads throttling as throttled, by AADSTS90055, by status, or by msal's words", () => {
    expect(signInError(serverError("temporarily_unavailable", "AADSTS90055: throttled", 429)).code).toBe(
      "throttled",
    );
    expect(signInError(serverError("server_error", "busy", 503)).code).toBe("throttled");
    expect(signInError(serverError("post_request_failed", "temporarily_unavailable")).code).toBe("throttled");
  });

  it("keeps a local msal error as 'did not complete', naming its code", () => {
    const error = signInError(
      Object.assign(new Error("user_cancelled: closed"), { errorCode: "user_cancelled" }),
    );
    expect(error).toMatchObject({ code: "sign_in_failed", upstreamCode: "user_cancelled" });
    expect(error.message).toBe("Sign-in did not complete (user_cancelled). Sign in again.");
    expect(signInError("weird").message).toBe("Sign-in did not complete (unknown). Sign in again.");
  });

  it("passes a CoreError through", () => {
    const own = new CoreError("unauthenticated", "Not signed in.");
    expect(signInError(own)).toBe(own);
  });
});
