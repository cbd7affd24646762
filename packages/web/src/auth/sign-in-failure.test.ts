import { BrowserAuthError, ServerError } from "@azure/msal-browser";
import { describe, expect, it } from "vitest";
import { DECLINED_KEY, redirectFailure } from "./sign-in-failure.js";

function storage() {
  const items = new Map<string, string>();
  return { items, setItem: (key: string, value: string) => void items.set(key, value) };
}

/** msal-browser's ServerError as handleRedirectPromise rejects with it: Entra's error and description. */
const server = (error: string, description: string, status?: number) =>
  new ServerError(error, "correlation-1", description, undefined, undefined, status);

describe("redirectFailure", () => {
  it("tells a Conditional Access block apart from a failed sign-in (AADSTS53003)", () => {
    const error = redirectFailure(
      server("invalid_grant", "AADSTS53003: Access has been blocked by Conditional Access policies."),
      storage(),
    );
    expect(error).toMatchObject({ code: "sign_in_failed", upstreamCode: "AADSTS53003" });
    expect(error.message).toMatch(/Conditional Access/);
    expect(error.message).not.toMatch(/did not complete/);
  });

  it("says an account from another tenant is not in this tenant (AADSTS50020)", () => {
    const error = redirectFailure(
      server("invalid_request", "AADSTS50020: User account 'x@other.example' does not exist in tenant"),
      storage(),
    );
    expect(error).toMatchObject({ code: "sign_in_failed", upstreamCode: "AADSTS50020" });
    expect(error.message).toMatch(/not in this tenant/);
  });

  it("reads throttling as throttled, so the page offers to try again (AADSTS90055)", () => {
    const error = redirectFailure(
      server("temporarily_unavailable", "AADSTS90055: The service is temporarily unavailable.", 429),
      storage(),
    );
    expect(error).toMatchObject({ code: "throttled", upstreamCode: "AADSTS90055" });
  });

  it("marks the optional scopes declined on a consent refusal, and only then", () => {
    const declined = storage();
    redirectFailure(
      server("access_denied", "AADSTS65004: User declined to consent to access the app."),
      declined,
    );
    expect(declined.items.get(DECLINED_KEY)).toBe("1");
    const other = storage();
    redirectFailure(server("invalid_grant", "AADSTS53003: blocked"), other);
    expect(other.items.size).toBe(0);
  });

  it("keeps a browser-side failure as 'did not complete', naming msal's code", () => {
    const error = redirectFailure(new BrowserAuthError("user_cancelled", "correlation-1"), storage());
    expect(error).toMatchObject({ code: "sign_in_failed", upstreamCode: "user_cancelled" });
    expect(error.message).toBe("Sign-in did not complete (user_cancelled). Sign in again.");
  });
});
