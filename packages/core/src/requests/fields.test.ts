import { describe, expect, it } from "vitest";
import { certificateRotateRequestSchema } from "./certificate-request.js";
import { appIdField, inputText, secretEndDateField, secretLifetimeDaysField } from "./fields.js";

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
