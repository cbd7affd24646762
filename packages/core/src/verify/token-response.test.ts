import { describe, expect, it } from "vitest";
import { CoreError } from "../errors.js";
import {
  retryAfterHeaderSeconds,
  tokenFailureFromBody,
  tokenFailureFromMsal,
} from "./token-failure-readers.js";
import {
  aadstsIn,
  classifyTokenFailure,
  needsInteractiveSignIn,
  type TokenWait,
  tokenError,
  tokenErrorWait,
} from "./token-response.js";

// Every AADSTS code the project handles: what the sandbox emits (packages/sandbox/src/entra) and
// what the ports, the CLI and the API have ever mapped. [code, OAuth error, status, ErrorCode, wait]
const table: [number, string, number, CoreError["code"], TokenWait][] = [
  [90002, "invalid_request", 400, "not_found", "final"],
  [900023, "invalid_request", 400, "not_found", "final"],
  [700016, "unauthorized_client", 400, "not_found", "propagation"],
  [7000229, "invalid_client", 401, "not_found", "propagation"],
  [7000215, "invalid_client", 401, "invalid_client_credentials", "propagation"],
  [700027, "invalid_client", 401, "invalid_client_credentials", "propagation"],
  [7000222, "invalid_client", 401, "invalid_client_credentials", "final"],
  [700024, "invalid_client", 401, "invalid_client_credentials", "final"],
  [700023, "invalid_client", 401, "invalid_client_credentials", "final"],
  [700212, "invalid_client", 401, "invalid_client_credentials", "final"],
  [50027, "invalid_client", 401, "invalid_client_credentials", "final"],
  [50012, "invalid_client", 401, "invalid_client_credentials", "final"],
  [7000218, "invalid_client", 401, "invalid_client_credentials", "final"],
  [7000112, "unauthorized_client", 400, "invalid_client_credentials", "final"],
  [700025, "invalid_client", 400, "invalid_client_credentials", "final"],
  [1002012, "invalid_scope", 400, "invalid_input", "final"],
  [70011, "invalid_scope", 400, "invalid_input", "final"],
  [500011, "invalid_resource", 400, "not_found", "final"],
  [90055, "temporarily_unavailable", 400, "throttled", "retry"],
  [50034, "invalid_grant", 400, "sign_in_failed", "final"],
  [50011, "invalid_request", 400, "sign_in_failed", "final"],
  [50199, "interaction_required", 400, "sign_in_failed", "final"],
  [53000, "interaction_required", 400, "sign_in_failed", "final"],
  [53003, "interaction_required", 400, "sign_in_failed", "final"],
  [530033, "interaction_required", 400, "sign_in_failed", "final"],
  [530034, "interaction_required", 400, "sign_in_failed", "final"],
  [50097, "interaction_required", 400, "sign_in_failed", "final"],
  [50105, "invalid_grant", 400, "sign_in_failed", "final"],
  [70000, "invalid_grant", 400, "sign_in_failed", "final"],
  [70008, "invalid_grant", 400, "sign_in_failed", "final"],
  [54005, "invalid_grant", 400, "sign_in_failed", "final"],
  [70020, "expired_token", 400, "sign_in_failed", "final"],
  [500112, "invalid_grant", 400, "sign_in_failed", "final"],
  [501481, "invalid_grant", 400, "sign_in_failed", "final"],
  [9002313, "invalid_grant", 400, "sign_in_failed", "final"],
  [9002325, "invalid_request", 400, "sign_in_failed", "final"],
  [700054, "unsupported_response_type", 400, "sign_in_failed", "final"],
  [50020, "invalid_grant", 400, "sign_in_failed", "final"],
  [90072, "invalid_grant", 400, "sign_in_failed", "final"],
  [65001, "invalid_grant", 400, "sign_in_failed", "final"],
  [50076, "invalid_grant", 400, "sign_in_failed", "final"],
  [50079, "interaction_required", 400, "sign_in_failed", "final"],
];

// A partner's silent token for a customer tenant: [failure, whether the tenant's own sign-in may get it].
const interactive: [string, Parameters<typeof needsInteractiveSignIn>[0], boolean][] = [
  ["AADSTS50020 (account not in the tenant, no GDAP)", { aadsts: 50020, error: "invalid_grant" }, true],
  ["AADSTS90072 (account not in the tenant)", { aadsts: 90072, error: "invalid_grant" }, true],
  ["AADSTS65001 (no consent in the tenant)", { aadsts: 65001, error: "invalid_grant" }, true],
  ["AADSTS50076 (MFA required)", { aadsts: 50076, error: "invalid_grant" }, true],
  ["AADSTS50079 (MFA registration)", { aadsts: 50079, error: "interaction_required" }, true],
  ["AADSTS53003 (Conditional Access)", { aadsts: 53003, error: "interaction_required" }, true],
  ["AADSTS700016 (the client not in the tenant)", { aadsts: 700016, error: "unauthorized_client" }, true],
  ["interaction_required with no number", { error: "interaction_required" }, true],
  ["consent_required with no number", { error: "consent_required" }, true],
  ["AADSTS7000215 (a wrong secret)", { aadsts: 7000215, error: "invalid_client" }, false],
  ["AADSTS90055 (throttled)", { aadsts: 90055, status: 429 }, false],
  ["AADSTS70008 (an expired grant)", { aadsts: 70008, error: "invalid_grant" }, false],
  ["invalid_grant with no number", { error: "invalid_grant" }, false],
  ["no answer (network)", { network: true }, false],
];

describe("needsInteractiveSignIn", () => {
  it.each(interactive)("%s -> %s", (_, failure, expected) => {
    expect(needsInteractiveSignIn(failure)).toBe(expected);
    expect(classifyTokenFailure(failure).needsInteractiveSignIn).toBe(expected);
  });

  it("reads msal's errors the way the partner session receives them", () => {
    const noRelationship = {
      errorCode: "invalid_grant",
      errorMessage: "AADSTS50020: User account from identity provider does not exist in tenant.",
    };
    expect(needsInteractiveSignIn(tokenFailureFromMsal(noRelationship))).toBe(true);
    expect(needsInteractiveSignIn(tokenFailureFromMsal({ errorCode: "consent_required" }))).toBe(true);
    expect(needsInteractiveSignIn(tokenFailureFromMsal({ errorCode: "network_error" }))).toBe(false);
  });
});

describe("classifyTokenFailure", () => {
  it.each(table)("AADSTS%i (%s, %i) -> %s, %s", (aadsts, error, status, code, wait) => {
    const v = classifyTokenFailure({ aadsts, error, status });
    expect({ code: v.code, wait: v.wait }).toEqual({ code, wait });
    expect(v.message("app 11111111-2222-3333-4444-555555555555")).toMatch(/[.)]$/);
  });

  it("a refused secret (AADSTS7000215) may be removed or mistyped, not only not replicated yet", () => {
    // Entra answers a secret it never had, one removed from the app and one not yet replicated alike.
    const text = classifyTokenFailure({ aadsts: 7000215, error: "invalid_client", status: 401 }).message(
      "app X",
    );
    expect(text).toContain("If it was just made, wait a minute");
    expect(text).toContain("may have been removed from the app or mistyped");
    expect(text).toContain("secret list");
  });

  it("names the field at fault", () => {
    expect(classifyTokenFailure({ aadsts: 90002 }).field).toBe("tenantId");
    expect(classifyTokenFailure({ aadsts: 700016 }).field).toBe("clientId");
    expect(classifyTokenFailure({ aadsts: 7000215 }).field).toBe("credential");
  });

  it("falls back on status and the OAuth error for unknown codes", () => {
    const of = (f: Parameters<typeof classifyTokenFailure>[0]) => {
      const v = classifyTokenFailure(f);
      return [v.code, v.wait];
    };
    expect(of({ status: 429 })).toEqual(["throttled", "retry"]);
    expect(of({ status: 503, aadsts: 1 })).toEqual(["throttled", "retry"]);
    expect(of({ status: 500 })).toEqual(["graph_request_failed", "retry"]);
    expect(of({ network: true })).toEqual(["unreachable", "retry"]);
    expect(of({ status: 401, error: "invalid_client", aadsts: 1234567 })).toEqual([
      "invalid_client_credentials",
      "final",
    ]);
    expect(of({ status: 400, error: "invalid_grant" })).toEqual(["sign_in_failed", "final"]);
    expect(of({ status: 400, error: "something_new" })).toEqual(["graph_request_failed", "final"]);
  });
});

describe("tokenError", () => {
  it("keeps the status and the AADSTS number, never Entra's description", () => {
    const failure = tokenFailureFromBody(401, {
      error: "invalid_client",
      error_description: "AADSTS7000215: Invalid client secret provided. s3cr3t~value",
      error_codes: [7000215],
    });
    const error = tokenError(failure, "app abc");
    expect(error.code).toBe("invalid_client_credentials");
    expect(error.status).toBe(401);
    expect(error.upstreamCode).toBe("AADSTS7000215");
    expect(error.message).toContain("app abc");
    expect(error.message).not.toContain("s3cr3t");
  });

  it("uses the OAuth error as the upstream code when no number came", () => {
    const error = tokenError(tokenFailureFromBody(400, { error: "invalid_request" }), "app abc");
    expect(error.upstreamCode).toBe("invalid_request");
    expect(tokenError(tokenFailureFromBody(502, "not json"), "x").upstreamCode).toBeUndefined();
  });
});

describe("tokenErrorWait", () => {
  it("reads the wait back from a port's CoreError", () => {
    const from = (aadsts: number, status?: number) =>
      tokenErrorWait(tokenError({ aadsts, ...(status === undefined ? {} : { status }) }, "app x"));
    expect(from(700016)).toBe("propagation");
    expect(from(7000215, 401)).toBe("propagation");
    expect(from(7000222)).toBe("final");
    expect(tokenErrorWait(new CoreError("unreachable", "down"))).toBe("retry");
    expect(tokenErrorWait(new CoreError("throttled", "slow"))).toBe("retry");
    expect(
      tokenErrorWait(new CoreError("invalid_client_credentials", "x", { upstreamCode: "invalid_client" })),
    ).toBe("final");
  });

  it("finds AADSTS numbers in msal's messages", () => {
    expect(aadstsIn("invalid_client: AADSTS7000215: Invalid client secret")).toBe(7000215);
    expect(aadstsIn("no code here")).toBeUndefined();
  });
});

describe("tokenFailureFromMsal", () => {
  it("reads msal-common's ServerError fields", () => {
    const serverError = Object.assign(new Error("invalid_client: AADSTS7000215: Invalid client secret"), {
      errorCode: "invalid_client",
      errorMessage: "AADSTS7000215: Invalid client secret provided.",
      errorNo: "7000215",
      status: 401,
    });
    expect(tokenFailureFromMsal(serverError)).toEqual({
      status: 401,
      error: "invalid_client",
      aadsts: 7000215,
    });
  });

  it("finds the number in the message when errorNo is missing, and recognises network failures", () => {
    expect(
      tokenFailureFromMsal({ errorCode: "unauthorized_client", errorMessage: "AADSTS700016: no app" }),
    ).toEqual({
      error: "unauthorized_client",
      aadsts: 700016,
    });
    expect(
      tokenFailureFromMsal(Object.assign(new Error("fetch failed"), { errorCode: "network_error" })),
    ).toEqual({
      error: "network_error",
      network: true,
    });
    expect(tokenFailureFromMsal("weird")).toEqual({});
  });
});

describe("retryAfterHeaderSeconds", () => {
  const now = Date.UTC(2026, 11, 1, 12, 0, 0);

  it("reads delta-seconds as sent, and asks for at least one second", () => {
    expect(retryAfterHeaderSeconds("17", now)).toBe(17);
    expect(retryAfterHeaderSeconds(" 17 ", now)).toBe(17);
    expect(retryAfterHeaderSeconds("0", now)).toBe(1);
  });

  it("reads an HTTP date as the whole seconds left until it, a date already past as one", () => {
    const at = new Date(now + 42_000).toUTCString();
    expect(retryAfterHeaderSeconds(at, now)).toBe(42);
    expect(retryAfterHeaderSeconds(at, now + 300)).toBe(42);
    expect(retryAfterHeaderSeconds(new Date(now - 60_000).toUTCString(), now)).toBe(1);
  });

  it("counts a missing, garbage or absurdly long value as absent", () => {
    expect(retryAfterHeaderSeconds(null, now)).toBeUndefined();
    expect(retryAfterHeaderSeconds(undefined, now)).toBeUndefined();
    expect(retryAfterHeaderSeconds("", now)).toBeUndefined();
    expect(retryAfterHeaderSeconds("soon", now)).toBeUndefined();
    expect(retryAfterHeaderSeconds("1234567", now)).toBeUndefined();
  });
});

describe("tokenFailureFromMsal on a throttled endpoint", () => {
  it("reads msal's post_request_failed naming temporarily_unavailable as throttled (the CLI and the page alike)", () => {
    const msal = Object.assign(new Error("post_request_failed: temporarily_unavailable"), {
      errorCode: "post_request_failed",
    });
    expect(tokenFailureFromMsal(msal)).toEqual({ error: "temporarily_unavailable" });
    expect(classifyTokenFailure(tokenFailureFromMsal(msal)).code).toBe("throttled");
    const said = { errorCode: "server_error", errorMessage: "Request throttled, retry later" };
    expect(classifyTokenFailure(tokenFailureFromMsal(said)).code).toBe("throttled");
  });

  it("keeps an AADSTS code over the words, and leaves other refusals as they are", () => {
    const coded = { errorCode: "invalid_grant", errorMessage: "AADSTS50020: throttled words aside" };
    expect(tokenFailureFromMsal(coded)).toEqual({ error: "invalid_grant", aadsts: 50020 });
    expect(tokenFailureFromMsal({ errorCode: "user_cancelled", message: "user_cancelled" })).toEqual({
      error: "user_cancelled",
    });
  });
});
