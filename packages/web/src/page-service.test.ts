import { isCoreError } from "@boxafe-connect/core";
import { describe, expect, it } from "vitest";
import { callPageService, postJson, serviceFailure } from "./page-service.js";

const answering = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  (async () => new Response(JSON.stringify(body), { status, headers })) as typeof fetch;

describe("a call to one of the page's own services", () => {
  it("keeps core's code and the server's message, else the fallback and the status", async () => {
    const known = await callPageService(
      "proof service",
      "/p",
      postJson({}),
      answering(429, { code: "throttled", message: "Slow down." }, { "retry-after": "7" }),
    );
    expect(serviceFailure("proof service", known, "graph_request_failed")).toMatchObject({
      code: "throttled",
      message: "Slow down.",
      status: 429,
    });
    expect(serviceFailure("proof service", known, "graph_request_failed").retryAfterSeconds).toBeUndefined();
    expect(
      serviceFailure("proof service", known, "graph_request_failed", { retryAfter: true }),
    ).toMatchObject({
      retryAfterSeconds: 7,
    });
    const unknown = await callPageService(
      "EWS service",
      "/e",
      { method: "GET" },
      answering(500, { code: "weird" }),
    );
    expect(serviceFailure("EWS service", unknown, "sign_in_failed")).toMatchObject({
      code: "sign_in_failed",
      message: "The EWS service answered 500.",
    });
  });

  it("names the service when the page's server cannot be reached", async () => {
    const down = (async () => {
      throw new TypeError("Failed to fetch");
    }) as typeof fetch;
    const error = await callPageService("verification service", "/v", postJson({}), down).catch(
      (e: unknown) => e,
    );
    expect(isCoreError(error) && error.code).toBe("unreachable");
    expect(String((error as Error).message)).toBe(
      "The verification service of this page could not be reached.",
    );
  });
});
