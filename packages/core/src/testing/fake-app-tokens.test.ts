import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { fakeAppTokens } from "./fake-app-tokens.js";

describe("fakeAppTokens", () => {
  it("issues roles per audience and call, or rejects like a wrong secret", async () => {
    const tokens = fakeAppTokens((aud, call) =>
      aud === "bad" ? "invalid_client" : call > 1 ? ["Mail.Read"] : [],
    );
    const req = {
      tenantId: "t",
      clientId: "c",
      credential: { kind: "secret" as const, secret: "s" },
      resource: "https://graph.microsoft.com",
    };
    expect(decodeJwt(await tokens.acquire(req)).roles).toEqual([]);
    expect(decodeJwt(await tokens.acquire(req)).roles).toEqual(["Mail.Read"]);
    await expect(tokens.acquire({ ...req, resource: "bad" })).rejects.toMatchObject({
      code: "invalid_client_credentials",
    });
    expect(tokens.requests).toHaveLength(3);
  });
});
