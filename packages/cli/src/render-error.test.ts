import { CoreError, ErrorCode } from "@boxafe-connect/core";
import { describe, expect, it } from "vitest";
import { CancelledError, UsageError } from "./cli/usage-error.js";
import { browserHint, ExitCode, exitByCode, renderError } from "./render-error.js";

describe("renderError", () => {
  it("has an exit code of its own for every core error code", () => {
    const codes = Object.values(ErrorCode);
    expect(Object.keys(exitByCode).sort()).toEqual([...codes].sort());
    for (const code of codes) expect(renderError(new CoreError(code, "x")).exitCode).toBe(exitByCode[code]);
  });

  it("maps usage and cancel", () => {
    expect(renderError(new UsageError("Unknown option --x.", "plan"))).toEqual({
      exitCode: 2,
      code: "usage",
      message: "Unknown option --x.",
      hint: "Run 'boxafe-connect plan --help' for usage.",
    });
    expect(renderError(new CancelledError()).exitCode).toBe(ExitCode.Cancelled);
  });

  it("maps CoreError codes to exit codes and keeps field and request id", () => {
    const bad = renderError(
      new CoreError("invalid_input", "Tenant is not a GUID or domain.", { field: "tenant" }),
    );
    expect(bad).toMatchObject({ exitCode: 2, code: "invalid_input", field: "tenant" });
    expect(renderError(new CoreError("insufficient_role", "Needs Global Administrator.")).exitCode).toBe(5);
    expect(renderError(new CoreError("access_denied", "Denied.", { requestId: "r-1" }))).toMatchObject({
      exitCode: 5,
      requestId: "r-1",
    });
    expect(renderError(new CoreError("verification_incomplete", "Pending.")).exitCode).toBe(4);
    expect(renderError(new CoreError("throttled", "Throttled.")).exitCode).toBe(1);
  });

  it("tells the user to sign in by browser when device code is refused", () => {
    const refused = new CoreError("sign_in_failed", "Sign-in refused.", { upstreamCode: "AADSTS50199" });
    expect(renderError(refused).hint).toBe(browserHint);
    const msal = Object.assign(
      new Error("AADSTS53003: Access has been blocked by Conditional Access policies."),
      {
        errorCode: "invalid_grant",
      },
    );
    expect(renderError(msal)).toMatchObject({ exitCode: 1, code: "sign_in_failed", hint: browserHint });
  });

  it("recognises unreachable hosts through the error cause chain", () => {
    const cause = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" });
    const error = new TypeError("fetch failed", { cause });
    expect(renderError(error)).toMatchObject({ exitCode: 1, code: "unreachable" });
  });
});
