import { isCoreError } from "@boxafe-connect/core";
import { describe, expect, it } from "vitest";
import { createOutbound, withTimeout } from "./outbound.js";

describe("createOutbound", () => {
  const seen: string[] = [];
  const fetchOk = async (url: string) => {
    seen.push(url);
    return new Response("{}", { status: 200 });
  };

  it("calls only the configured origins", async () => {
    const outbound = createOutbound({
      fetch: fetchOk,
      allowedOrigins: ["https://login.microsoftonline.com", "https://graph.microsoft.com"],
      timeoutMs: 1000,
    });
    await outbound("https://login.microsoftonline.com/t/oauth2/v2.0/token", { method: "POST" });
    for (const url of [
      "https://evil.example.com/t/oauth2/v2.0/token",
      "http://login.microsoftonline.com/x",
      "https://login.microsoftonline.com.evil.example.com/x",
      "https://user:pass@graph.microsoft.com/v1.0/$batch",
    ]) {
      await expect(outbound(url, {})).rejects.toSatisfy(isCoreError);
    }
    expect(seen).toEqual(["https://login.microsoftonline.com/t/oauth2/v2.0/token"]);
  });

  it("turns a timeout or a network failure into unreachable", async () => {
    const hang = (_url: string, init: RequestInit) =>
      new Promise<Response>((_, reject) =>
        init.signal?.addEventListener("abort", () => reject(init.signal?.reason)),
      );
    const slow = createOutbound({
      fetch: hang,
      allowedOrigins: ["https://graph.microsoft.com"],
      timeoutMs: 20,
    });
    await expect(slow("https://graph.microsoft.com/v1.0/$batch", {})).rejects.toMatchObject({
      code: "unreachable",
      message: expect.stringContaining("20 ms"),
    });
    const down = createOutbound({
      fetch: () => Promise.reject(new TypeError("fetch failed")),
      allowedOrigins: ["https://graph.microsoft.com"],
      timeoutMs: 1000,
    });
    await expect(down("https://graph.microsoft.com/v1.0/$batch", {})).rejects.toMatchObject({
      code: "unreachable",
    });
  });
});

describe("withTimeout", () => {
  it("passes results through and rejects with the given error at the deadline", async () => {
    await expect(withTimeout(Promise.resolve(7), 50, () => new Error("late"))).resolves.toBe(7);
    await expect(withTimeout(new Promise(() => undefined), 10, () => new Error("late"))).rejects.toThrow(
      "late",
    );
  });
});
