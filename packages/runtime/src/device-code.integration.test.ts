/** The admin sign-in rides out a short Entra outage (503 from the device code or token endpoint). */
import { GRAPH_CLI_CLIENT_ID } from "@boxafe-connect/sandbox";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deviceCodeSignIn } from "./device-code.js";
import { type Harness, startHarness } from "./integration/harness.js";

describe("device code sign-in under a transient 503", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.stop());

  async function signIn(onShown: () => Promise<void>) {
    let approval: Promise<unknown> = Promise.resolve();
    const result = await deviceCodeSignIn({
      authorityHost: h.sandbox.url,
      tenant: h.sandbox.tenantId,
      clientId: GRAPH_CLI_CLIENT_ID,
      scopes: ["https://graph.microsoft.com/User.Read"],
      onCode: (info) => {
        approval = onShown()
          .then(() => h.hook("device/approve", { user_code: info.userCode, upn: h.sandbox.admin.upn }))
          // A sign-in that failed meanwhile leaves nothing to approve.
          .catch(() => undefined);
      },
    });
    await approval;
    return result;
  }

  it("retries the device authorization request after 503s and signs in", async () => {
    await h.faults("outage=2,retryAfter=0");
    const result = await signIn(async () => undefined);
    expect(decodeJwt(result.accessToken).upn).toBe(h.sandbox.admin.upn);
    expect(((await h.hook("faults")) as { outage: number }).outage).toBe(0);
  });

  it("retries a token poll that drew a 503 after the code was shown", async () => {
    await h.faults("retryAfter=0");
    // The outage starts once the code is on screen, so it hits the token endpoint's polls.
    const result = await signIn(() => h.faults("outage=2,retryAfter=0"));
    expect(decodeJwt(result.accessToken).upn).toBe(h.sandbox.admin.upn);
    expect(((await h.hook("faults")) as { outage: number }).outage).toBe(0);
  });

  it("still reports a lasting outage as a typed error instead of retrying forever", async () => {
    await h.faults("outage=50,retryAfter=0");
    const error = await signIn(async () => undefined).then(
      () => undefined,
      (e: unknown) => e as { code?: string },
    );
    expect(error?.code).toBeDefined();
    await h.faults("");
  }, 120_000);
});
