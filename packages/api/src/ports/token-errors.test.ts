import { describe, expect, it } from "vitest";
import { tokenEndpointError } from "./token-errors.js";

const aad = (error: string, code: number, description = "AADSTS echo: secret=Zq9~abc") => ({
  error,
  error_description: description,
  error_codes: [code],
});

describe("tokenEndpointError", () => {
  it.each([
    [401, aad("invalid_client", 7000215), "invalid_client_credentials", "AADSTS7000215"],
    [401, aad("invalid_client", 7000222), "invalid_client_credentials", "AADSTS7000222"],
    [400, aad("unauthorized_client", 700016), "invalid_client_credentials", "AADSTS700016"],
    [400, aad("invalid_request", 90002), "not_found", "AADSTS90002"],
    [429, aad("temporarily_unavailable", 50196), "throttled", "AADSTS50196"],
    [500, aad("server_error", 50000), "graph_request_failed", "AADSTS50000"],
    [400, aad("invalid_scope", 70011), "graph_request_failed", "AADSTS70011"],
  ])("maps HTTP %i %j to %s", (status, body, code, upstreamCode) => {
    const error = tokenEndpointError(status, body, "7");
    expect(error).toMatchObject({ code, upstreamCode, status });
    // The endpoint's own description is dropped: nothing it echoes can reach a caller.
    expect(error.message).not.toContain("Zq9~");
  });

  it("copes with a body that is not JSON", () => {
    expect(tokenEndpointError(502, undefined, null)).toMatchObject({ code: "graph_request_failed" });
  });
});
