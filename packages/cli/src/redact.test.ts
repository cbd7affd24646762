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

  it("keeps only handed-over values readable on stdout, raw or JSON-escaped, never a token", () => {
    const redactor = createRedactor();
    const secret = "abc8Q~Zx9_yW.vU-tS~rQpOnMlKjIhGf";
    const pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----";
    const jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJl";
    const other = "xyz9Q~Another_secret-shaped.value~ok";
    redactor.protect("typed-in-existing-secret");
    redactor.handOver(secret);
    redactor.handOver(pem);
    redactor.handOver(jwt);
    const json = JSON.stringify({ secret, pem, jwt, other, typed: "typed-in-existing-secret" });
    const shown = JSON.parse(redactor.redactStdout(json)) as Record<string, string>;
    expect(shown).toEqual({ secret, pem, jwt: "[redacted]", other: "[redacted]", typed: "[redacted]" });
    // stderr never shows a hand-over value.
    expect(redactor.redact(`new ${secret}`)).toBe("new [redacted]");
  });

  it("hides a value that holds another one whole, values side by side, and one among thousands", () => {
    const redactor = createRedactor();
    redactor.protect("short-secret");
    redactor.protect("short-secret-and-more");
    const keys = Array.from({ length: 2000 }, (_, i) => `-----BEGIN PRIVATE KEY-----\nkey${i}-material`);
    for (const key of keys) redactor.protect(key);
    expect(redactor.redact("x short-secret-and-more y short-secret")).toBe("x [redacted] y [redacted]");
    expect(redactor.redact("short-secretshort-secret")).toBe("[redacted][redacted]");
    expect(redactor.redact(`${keys[1234]}|${keys[7]}`)).toBe("[redacted]|[redacted]");
    expect(redactor.redact("-----BEGIN CERTIFICATE-----")).toBe("-----BEGIN CERTIFICATE-----");
    expect(redactor.redact("short")).toBe("short");
  });
});
