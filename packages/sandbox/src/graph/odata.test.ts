import { describe, expect, it } from "vitest";
import { routeKey } from "../stats.js";
import { durationMs } from "./credentials.js";
import { GraphError } from "./errors.js";
import { matches, parseFilter, select, splitKey } from "./odata.js";

describe("$filter", () => {
  it("parses eq and startswith clauses joined by and", () => {
    const clauses = parseFilter("clientId eq 'abc' and consentType eq 'AllPrincipals'");
    expect(clauses).toEqual([
      { kind: "eq", prop: "clientId", value: "abc" },
      { kind: "eq", prop: "consentType", value: "AllPrincipals" },
    ]);
    expect(matches({ clientId: "ABC", consentType: "AllPrincipals" }, clauses)).toBe(true);
    expect(matches({ clientId: "abc", consentType: "Principal" }, clauses)).toBe(false);
    expect(matches({ displayName: "QNAP Boxafe" }, parseFilter("startswith(displayName,'qnap')"))).toBe(true);
    expect(parseFilter("displayName eq 'O''Brien'")).toEqual([
      { kind: "eq", prop: "displayName", value: "O'Brien" },
    ]);
  });

  it("answers an unsupported clause with 400 Request_UnsupportedQuery", () => {
    expect(() => parseFilter("displayName ne 'x'")).toThrow(GraphError);
    try {
      parseFilter("any(x: x eq 1)");
    } catch (e) {
      expect((e as GraphError).code).toBe("Request_UnsupportedQuery");
    }
  });
});

describe("keys and $select", () => {
  it("splits alternate keys out of a segment", () => {
    expect(splitKey("applications(uniqueName='qnap-boxafe')")).toEqual({
      name: "applications",
      key: { kind: "uniqueName", value: "qnap-boxafe" },
    });
    expect(splitKey("servicePrincipals(appId='00000003-0000-0000-c000-000000000000')")).toEqual({
      name: "servicePrincipals",
      key: { kind: "appId", value: "00000003-0000-0000-c000-000000000000" },
    });
    expect(splitKey("applications")).toEqual({ name: "applications" });
  });

  it("keeps only the selected properties", () => {
    expect(
      select({ id: "1", appId: "2", displayName: "x" }, new URLSearchParams("$select=id,displayName")),
    ).toEqual({ id: "1", displayName: "x" });
  });
});

describe("helpers", () => {
  it("reads ISO-8601 durations", () => {
    expect(durationMs("P90D")).toBe(90 * 86_400_000);
    expect(durationMs("PT12H")).toBe(12 * 3_600_000);
    expect(durationMs("P1Y")).toBe(365 * 86_400_000);
    expect(() => durationMs("90 days")).toThrow();
  });

  it("normalises routes for the stats", () => {
    expect(
      routeKey("GET", "/v1.0/servicePrincipals/0e4b1a2c-1111-4222-8333-444444444444/appRoleAssignedTo"),
    ).toBe("GET /v1.0/servicePrincipals/{id}/appRoleAssignedTo");
    expect(routeKey("PATCH", "/v1.0/applications(uniqueName='qnap')")).toBe(
      "PATCH /v1.0/applications(uniqueName={key})",
    );
    expect(routeKey("DELETE", `/v1.0/oauth2PermissionGrants/${"a".repeat(43)}`)).toBe(
      "DELETE /v1.0/oauth2PermissionGrants/{id}",
    );
  });
});
