import type { RequestRecord } from "@boxafe-connect/conformance";
import { describe, expect, it } from "vitest";
import { verificationStart } from "./peer-jobs.js";

const at = (sentAt: number, target: string): RequestRecord => ({
  host: "localhost",
  method: "POST",
  target,
  sentAt,
  answeredAt: sentAt + 1,
});
const token = "/tid/oauth2/v2.0/token";

describe("verificationStart", () => {
  it("is the first run of token requests after Graph began (the sign-in's come before; workload proofs after)", () => {
    const wire = [
      at(0, token),
      at(10, "/v1.0/$batch"),
      at(30, "/v1.0/$batch"),
      at(40, "/v1.0/$batch"),
      at(50, token),
      at(51, token),
      at(52, token),
      at(60, "/v1.0/$batch"),
      at(70, token),
      at(80, "/v1.0/$batch"),
    ];
    expect(verificationStart(wire)).toBe(50);
    expect(verificationStart([at(0, token), at(10, "/v1.0/applications")])).toBeUndefined();
  });
});
