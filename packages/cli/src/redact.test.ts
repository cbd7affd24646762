import { describe, expect, it } from "vitest";
import { createRedactor } from "./redact.js";

describe("createRedactor", () => {
  it("hides protected values and secret- or token-shaped text", () => {
    const redactor = createRedactor();
    redactor.protect("plain-looking-secret-value");
    const jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJl";
    const text = redactor.redact(
      `a plain-looking-secret-value b ${jwt} c abc8Q~Zx9_yW.vU-tS~rQpOnMlKjIhGf d`,
    );
    expect(text).toBe("a [redacted] b [redacted] c [redacted] d");
  });
});
