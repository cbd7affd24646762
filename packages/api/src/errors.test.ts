import { CoreError } from "@boxafe-connect/core";
import { describe, expect, it } from "vitest";
import { mapError } from "./errors.js";
import { DEFAULT_RETRY_AFTER_SECONDS } from "./ports/throttle-passthrough.js";

describe("mapError and Retry-After", () => {
  it("gives the header the wait any use case error carries, whatever its code", () => {
    const unavailable = new CoreError("replication_timeout", "Entra has not replicated the app yet.", {
      retryAfterSeconds: 30,
    });
    expect(mapError(unavailable, "r1")).toMatchObject({ status: 503, retryAfterSeconds: 30 });
    const throttled = new CoreError("throttled", "Graph asked to wait.", { retryAfterSeconds: 120 });
    expect(mapError(throttled, "r2")).toMatchObject({ status: 429, retryAfterSeconds: 120 });
  });

  it("rounds a fractional wait up (the header takes whole seconds) and never says 0", () => {
    expect(mapError(new CoreError("throttled", "x", { retryAfterSeconds: 1.2 }), "r").retryAfterSeconds).toBe(
      2,
    );
    expect(mapError(new CoreError("unreachable", "x", { retryAfterSeconds: 0 }), "r").retryAfterSeconds).toBe(
      1,
    );
  });

  it("a 429 without a wait says the default; other errors without one carry no header", () => {
    expect(mapError(new CoreError("throttled", "x"), "r").retryAfterSeconds).toBe(
      DEFAULT_RETRY_AFTER_SECONDS,
    );
    expect(mapError(new CoreError("graph_request_failed", "x"), "r").retryAfterSeconds).toBeUndefined();
    expect(mapError(new Error("boom"), "r").retryAfterSeconds).toBeUndefined();
  });
});
