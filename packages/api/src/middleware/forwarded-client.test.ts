import { describe, expect, it } from "vitest";
import { forwardedClient } from "./forwarded-client.js";

describe("forwardedClient", () => {
  it("keys by the socket when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(forwardedClient("198.51.100.4", "203.0.113.1", [])).toBe("198.51.100.4");
  });

  it("takes the first address a trusted proxy forwarded, not one the client wrote", () => {
    const proxies = ["10.0.0.2", "10.0.0.3"];
    // client wrote "1.2.3.4"; the edge proxy 10.0.0.3 saw 203.0.113.9 and appended it; 10.0.0.2 saw 10.0.0.3.
    expect(forwardedClient("::ffff:10.0.0.2", "1.2.3.4, 203.0.113.9, 10.0.0.3", proxies)).toBe("203.0.113.9");
  });

  it("falls back to the socket on a malformed hop", () => {
    expect(forwardedClient("10.0.0.2", "<script>", ["10.0.0.2"])).toBe("10.0.0.2");
  });
});
