import { describe, expect, it } from "vitest";
import { ADMIN, errorOf, graph, hook, userToken } from "../test/harness.js";
import { useSandbox } from "../test/suite.js";

const t = useSandbox({ reset: "tenant" });

describe("token validation", () => {
  it("answers 401 InvalidAuthenticationToken for a missing, forged, foreign-audience or expired token", async () => {
    expect(errorOf(await graph(t.sb, "", "GET", "/applications")).code).toBe("InvalidAuthenticationToken");
    const forged = `${t.admin.slice(0, -4)}AAAA`;
    expect((await graph(t.sb, forged, "GET", "/applications")).status).toBe(401);
    const exo = await userToken(t.sb, ADMIN, "https://outlook.office365.com/EWS.AccessAsUser.All openid");
    const wrongAud = await graph(t.sb, exo, "GET", "/applications");
    expect(wrongAud.status).toBe(401);
    expect(errorOf(wrongAud).message).toBe("Access token validation failure. Invalid audience.");

    await hook(t.sb, "faults", { spec: "tokenLifetime=1" });
    const short = await userToken(t.sb, ADMIN);
    await new Promise((r) => setTimeout(r, 1200));
    const expired = await graph(t.sb, short, "GET", "/applications");
    expect(expired.status).toBe(401);
    expect(errorOf(expired)).toMatchObject({
      code: "InvalidAuthenticationToken",
      message: "Lifetime validation failed, the token is expired.",
    });
    await hook(t.sb, "faults", { spec: "" });
  });
});
