import type { PreflightResult } from "@boxafe-connect/core";
import { describe, expect, it } from "vitest";
import { createStyle } from "../style.js";
import { preflightLines } from "./preflight-view.js";

describe("preflight view", () => {
  it("prints one row per check with its evidence, fix and the plan's reasons", () => {
    const result: PreflightResult = {
      ok: false,
      credentialRules: undefined,
      signInFlow: "device",
      credentials: { certificateDays: 365, reasons: ["secrets are blocked, so a certificate"] },
      checks: [
        { id: "role", title: "Signed-in admin's roles", status: "pass", evidence: "GA" },
        {
          id: "app-registration",
          title: "App registration allowed",
          status: "fail",
          evidence: "No",
          fix: "Ask",
        },
      ],
    };
    const text = preflightLines(result, createStyle(false)).join("\n");
    expect(text).toContain("PASS    Signed-in admin's roles");
    expect(text).toContain("FAIL    App registration allowed\n          No\n          Fix: Ask");
    expect(text).toContain("Plan: secrets are blocked, so a certificate");
  });
});
