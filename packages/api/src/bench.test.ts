import { describe, expect, it } from "vitest";
import { runApiBench } from "./bench.js";

// Smoke only: the bench runs and every request succeeded. Timing is never asserted: each endpoint gets
// a fixed number of requests, not a fixed second (which a starved machine can end before any answer).
describe("runApiBench", () => {
  it("measures /v1/permissions and /v1/verify with only 2xx answers", async () => {
    const result = await runApiBench({ requests: 20, connections: 2 });
    expect(result.endpoints.map((e) => e.endpoint)).toEqual(["GET /v1/permissions", "POST /v1/verify"]);
    for (const e of result.endpoints) {
      expect(e.total).toBe(20);
      expect(e.non2xx).toBe(0);
      expect(e.errors).toBe(0);
    }
  });
});
