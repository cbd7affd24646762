import { describe, expect, it } from "vitest";
import { sandboxEndpoints } from "../clouds.js";
import { fakeTime } from "../testing/index.js";
import type { AppTokenPort } from "../verify/port.js";
import { tokenError } from "../verify/token-response.js";
import { proveCredential } from "./prove-credential.js";

/** A token service that refuses the first `refusals` requests with `aadsts`, then issues a token. */
function refusing(aadsts: number, status: number, refusals: number): AppTokenPort & { calls: () => number } {
  let calls = 0;
  return {
    calls: () => calls,
    async acquire() {
      calls += 1;
      if (calls <= refusals) throw tokenError({ status, error: "invalid_client", aadsts }, "app x");
      return "token";
    },
  };
}

const input = {
  tenantId: "t",
  clientId: "c",
  credential: { kind: "secret", secret: "s" },
  cloud: sandboxEndpoints("https://localhost:8443"),
  withinMs: 60_000,
} as const;

describe("proveCredential waits out propagation of the app as well as of its credential", () => {
  it("an app the token service does not know yet (AADSTS700016, right after setup): proven once it does", async () => {
    const time = fakeTime();
    const appToken = refusing(700016, 400, 3);
    await expect(proveCredential({ ...time, appToken }, input)).resolves.toBe(true);
    expect(appToken.calls()).toBe(4);
  });

  it("a secret not replicated yet (AADSTS7000215): proven once it is; never within the window: false", async () => {
    await expect(
      proveCredential({ ...fakeTime(), appToken: refusing(7000215, 401, 2) }, input),
    ).resolves.toBe(true);
    await expect(
      proveCredential({ ...fakeTime(), appToken: refusing(7000215, 401, 1_000) }, input),
    ).resolves.toBe(false);
  });

  it("a final refusal (the tenant not found, AADSTS90002) is thrown at once", async () => {
    const appToken = refusing(90002, 400, 1_000);
    await expect(proveCredential({ ...fakeTime(), appToken }, input)).rejects.toMatchObject({
      code: "not_found",
      message: expect.stringContaining("tenant was not found"),
    });
    expect(appToken.calls()).toBe(1);
  });
});
