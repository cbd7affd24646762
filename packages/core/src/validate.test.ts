import { describe, expect, it } from "vitest";
import { isDomainName, isGuid, MAX_APP_NAME_LENGTH, validateAppName, validateTenantId } from "./validate.js";

describe("validateTenantId", () => {
  it.each([
    ["72F988BF-86F1-41AF-91AB-2D7CD011DB47", "72f988bf-86f1-41af-91ab-2d7cd011db47"],
    [" contoso.onmicrosoft.com ", "contoso.onmicrosoft.com"],
    ["Contoso.com", "contoso.com"],
    ["sub-domain.example.co.uk", "sub-domain.example.co.uk"],
  ])("accepts %j", (input, normalized) => {
    expect(validateTenantId(input)).toBe(normalized);
  });

  it.each([
    "",
    "   ",
    "common",
    "organizations",
    "72f988bf-86f1-41af-91ab-2d7cd011db4",
    "72f988bf86f141af91ab2d7cd011db47",
    "contoso",
    "https://contoso.com",
    "contoso.com/path",
    "-contoso.com",
    "contoso..com",
    "contoso.c0m",
    "user@contoso.com",
  ])("refuses %j naming the field", (input) => {
    expect(() => validateTenantId(input)).toThrow(
      expect.objectContaining({ code: "invalid_input", field: "tenantId" }),
    );
  });

  it("names a caller's field", () => {
    expect(() => validateTenantId("x", "tenant")).toThrow(expect.objectContaining({ field: "tenant" }));
  });
});

describe("validateAppName", () => {
  it("trims and accepts ordinary names", () => {
    expect(validateAppName("  QNAP Boxafe ")).toBe("QNAP Boxafe");
    expect(validateAppName("Boxafe – Zürich (prod)")).toBe("Boxafe – Zürich (prod)");
    expect(validateAppName("x".repeat(MAX_APP_NAME_LENGTH))).toHaveLength(MAX_APP_NAME_LENGTH);
  });

  it.each(["", "  ", "x".repeat(MAX_APP_NAME_LENGTH + 1), "a\tb", "line\nbreak", "nul\u0000"])(
    "refuses %j naming the field",
    (input) => {
      expect(() => validateAppName(input)).toThrow(
        expect.objectContaining({ code: "invalid_input", field: "displayName" }),
      );
    },
  );
});

describe("isGuid / isDomainName", () => {
  it("tell the two apart", () => {
    expect(isGuid("00000003-0000-0000-c000-000000000000")).toBe(true);
    expect(isGuid("contoso.com")).toBe(false);
    expect(isDomainName("contoso.com")).toBe(true);
    expect(isDomainName(`${"a".repeat(64)}.com`)).toBe(false);
    expect(isDomainName("localhost")).toBe(false);
  });
});
