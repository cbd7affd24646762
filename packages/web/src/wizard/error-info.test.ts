import { CoreError, GraphTransportError } from "@boxafe-connect/core";
import { describe, expect, it } from "vitest";
import { toErrorInfo } from "./error-info.js";

describe("toErrorInfo", () => {
  it("keeps a CoreError's code, message, field and request id", () => {
    const e = new CoreError("invalid_input", "Bad appId.", { field: "appId", requestId: "r-1" });
    expect(toErrorInfo(e)).toEqual({
      code: "invalid_input",
      message: "Bad appId.",
      field: "appId",
      requestId: "r-1",
    });
  });

  it("maps transport failures", () => {
    expect(toErrorInfo(new GraphTransportError("network", "never arrived")).code).toBe("unreachable");
    expect(toErrorInfo(new GraphTransportError("http", "HTTP 500", { status: 500 })).code).toBe(
      "graph_request_failed",
    );
  });

  it("never passes on the text of an unknown error", () => {
    const info = toErrorInfo(new Error("client_secret=abc123 leaked"));
    expect(info.code).toBe("internal_error");
    expect(info.message).not.toContain("abc123");
  });
});
