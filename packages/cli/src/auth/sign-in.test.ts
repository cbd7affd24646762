import { describe, expect, it } from "vitest";
import { browserHint, renderError } from "../render-error.js";
import { toSignInError } from "./sign-in.js";

describe("toSignInError", () => {
  it("keeps the AADSTS code of a Conditional Access refusal, so the user is told to use --auth browser", () => {
    const msal = Object.assign(
      new Error(
        "AADSTS53003: Access has been blocked by Conditional Access policies. Trace ID: 1 Correlation ID: 2 Timestamp: 3",
      ),
      { errorCode: "invalid_grant" },
    );
    const error = toSignInError(msal);
    expect(error).toMatchObject({ code: "sign_in_failed", upstreamCode: "AADSTS53003" });
    expect(error.message).toBe(
      "Sign-in failed: AADSTS53003: Access has been blocked by Conditional Access policies.",
    );
    expect(renderError(error).hint).toBe(browserHint);
  });

  it("turns a throttled token endpoint into a throttled error", () => {
    const msal = Object.assign(new Error("post_request_failed: temporarily_unavailable"), {
      errorCode: "post_request_failed",
    });
    expect(toSignInError(msal)).toMatchObject({ code: "throttled" });
  });
});
