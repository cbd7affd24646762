import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../sandbox.js";
import { ADMIN, boot, errorOf, graph, hook, userToken } from "../test/harness.js";

let sb: RunningSandbox;
let admin: string;
beforeAll(async () => {
  sb = await boot();
  admin = await userToken(sb, ADMIN);
});
beforeEach(() => hook(sb, "reset", {}));
afterAll(() => sb.stop());

const _RRA = [
  {
    resourceAppId: "00000003-0000-0000-c000-000000000000",
    resourceAccess: [
      { id: "e2a3a72e-5f79-4c64-b1b1-878b674786c9", type: "Role" },
      { id: "e1fe6dd8-ba31-4d61-89e7-88639da4683d", type: "Scope" },
    ],
  },
];

describe("token validation", () => {
  it("answers 401 InvalidAuthenticationToken for a missing, forged, foreign-audience or expired token", async () => {
    expect(errorOf(await graph(sb, "", "GET", "/applications")).code).toBe("InvalidAuthenticationToken");
    const forged = `${admin.slice(0, -4)}AAAA`;
    expect((await graph(sb, forged, "GET", "/applications")).status).toBe(401);
    const exo = await userToken(sb, ADMIN, "https://outlook.office365.com/EWS.AccessAsUser.All openid");
    const wrongAud = await graph(sb, exo, "GET", "/applications");
    expect(wrongAud.status).toBe(401);
    expect(errorOf(wrongAud).message).toBe("Access token validation failure. Invalid audience.");

    await hook(sb, "faults", { spec: "tokenLifetime=1" });
    const short = await userToken(sb, ADMIN);
    await new Promise((r) => setTimeout(r, 1200));
    const expired = await graph(sb, short, "GET", "/applications");
    expect(expired.status).toBe(401);
    expect(errorOf(expired)).toMatchObject({
      code: "InvalidAuthenticationToken",
      message: "Lifetime validation failed, the token is expired.",
    });
    await hook(sb, "faults", { spec: "" });
  });
});
