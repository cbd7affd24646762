import { describe, expect, it } from "vitest";
import { parseBoxafeVersion } from "../boxafe/version.js";
import { isCoreError } from "../errors.js";
import { certificateRotateRequestSchema } from "./certificate-request.js";
import {
  appIdField,
  boxafeVersionField,
  inputText,
  secretEndDateField,
  secretLifetimeDaysField,
} from "./fields.js";
import { parseRequest } from "./parse-request.js";
import { setupRequestSchema } from "./setup-request.js";

// A value whose String() throws: what a hostile JSON body can carry ({"toString": ""}).
const hostile = { toString: "" };

describe("request fields on hostile input", () => {
  it("quote strings and numbers, and name any other value by its type", () => {
    expect(inputText("abc")).toBe("abc");
    expect(inputText(12)).toBe("12");
    expect(inputText(null)).toBe("null");
    expect(inputText([1])).toBe("an array");
    expect(inputText(hostile)).toBe("a object");
  });

  it("answer a validation issue instead of throwing while writing the message", () => {
    for (const schema of [appIdField, secretLifetimeDaysField, secretEndDateField]) {
      const parsed = schema.safeParse(hostile);
      expect(parsed.success).toBe(false);
    }
    const rotate = certificateRotateRequestSchema.safeParse({
      tenantId: "contoso.onmicrosoft.com",
      appId: "1dc52577-5496-4f81-a932-c0a27b43d537",
      applicationObjectId: hostile,
    });
    expect(rotate.success).toBe(false);
  });
});

/** The CoreError a setup request with these fields gets (what `setup --secret-end/--secret-name` maps to). */
function refusal(fields: Record<string, unknown>) {
  try {
    parseRequest(setupRequestSchema, fields);
  } catch (error) {
    if (isCoreError(error)) return { code: error.code, field: error.field, message: error.message };
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(fields)}`);
}

describe("secret end date and description, as setup's flags give them", () => {
  it.each([
    ["2027-02-31", /2027-02-31 is not a real date; give the end date as YYYY-MM-DD/],
    ["2027-13-01", /2027-13-01 is not a real date/],
    ["2027-2-3", /as YYYY-MM-DD/],
    ["next year", /as YYYY-MM-DD/],
  ])("refuses --secret-end %s naming the field", (value, message) => {
    const error = refusal({ secretEndDate: value });
    expect(error).toMatchObject({ code: "invalid_input", field: "secretEndDate" });
    expect(error.message).toMatch(message);
  });

  it("takes a real date, 29 February of a leap year included", () => {
    expect(parseRequest(setupRequestSchema, { secretEndDate: "2028-02-29" }).secretEndDate).toBe(
      "2028-02-29",
    );
  });

  it.each([
    ["", /Give the client secret a description/],
    ["   ", /Give the client secret a description/],
    ["x".repeat(101), /at most 100 characters/],
    ["Boxafe\u0007bell", /must not contain control characters/],
    ["two\nlines", /must not contain control characters/],
  ])("refuses --secret-name %j naming the field", (value, message) => {
    const error = refusal({ secretName: value });
    expect(error).toMatchObject({ code: "invalid_input", field: "secretName" });
    expect(error.message).toMatch(message);
  });

  it("trims a description and defaults it", () => {
    expect(parseRequest(setupRequestSchema, { secretName: "  NAS 2  " }).secretName).toBe("NAS 2");
    expect(parseRequest(setupRequestSchema, {}).secretName).toBe("Boxafe");
  });
});

describe("boxafe version field", () => {
  it("takes what setup --boxafe takes (parseBoxafeVersion): a later release is 1.5, in a setup request too", () => {
    for (const v of ["1.5", "1.6", "1.7", "2.0", "1.5+", "1.4"])
      expect(boxafeVersionField.parse(v)).toBe(parseBoxafeVersion(v));
    expect(parseRequest(setupRequestSchema, { boxafe: "1.7" }).boxafe).toBe("1.5");
  });

  it("refuses what --boxafe refuses, with its message", () => {
    const result = boxafeVersionField.safeParse("1.3");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(
      /^Boxafe version "1\.3" is not one we set up: use 1\.4 or 1\.5/,
    );
    expect(() => parseRequest(setupRequestSchema, { boxafe: "latest" })).toThrow(/1\.4 or 1\.5/);
  });
});
