import { describe, expect, it } from "vitest";
import { advisoryFindings } from "./advisory-findings.js";
import { TABLE_1 } from "./test-fixtures.js";

describe("advisoryFindings", () => {
  it("reports each advisory touching Table 1 once, with the app id filled in", () => {
    const findings = advisoryFindings(TABLE_1, "11111111-2222-4333-8444-555555555555");
    expect(findings.length).toBe(5);
    expect(findings.every((f) => f.kind === "advisory")).toBe(true);
    const ews = findings.find((f) => f.message.includes("EWS.AccessAsUser.All"));
    expect(ews?.message).toContain("full_access_as_app (application)");
    expect(findings.map((f) => f.message).join("\n")).not.toContain("{appId}");
  });

  it("says nothing for permissions without advisories", () => {
    expect(
      advisoryFindings(
        TABLE_1.filter((p) => p.resource === "microsoft-graph" && p.value === "Mail.ReadWrite"),
      ),
    ).toEqual([]);
  });
});
