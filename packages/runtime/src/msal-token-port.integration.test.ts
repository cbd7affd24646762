/** msal-node's app-token port against a throttling sandbox: the throttled error carries Entra's own Retry-After. */
import { GRAPH_CLI_CLIENT_ID, type RunningSandbox, startSandbox } from "@boxafe-connect/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMsalAppTokenPort } from "./msal-token-port.js";
import { trustCa } from "./trust-ca.js";

describe("createMsalAppTokenPort on a throttled token endpoint", () => {
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    // Every token request answers 429 AADSTS90055 with Retry-After: 17 (the sandbox's throttle fault).
    sandbox = await startSandbox({ port: 0, faults: "throttle=1,retryAfter=17" });
    trustCa(sandbox.caPem, sandbox.url);
  });
  afterAll(async () => {
    await sandbox?.stop();
  });

  it("throws throttled with the upstream's Retry-After, which msal-node's own error drops", async () => {
    const tokens = createMsalAppTokenPort({ authorityHost: sandbox.url });
    await expect(
      tokens.acquire({
        tenantId: sandbox.tenantId,
        clientId: GRAPH_CLI_CLIENT_ID,
        credential: { kind: "secret", secret: "Any~secret.value_000000000000000000" },
        resource: "https://graph.microsoft.com",
      }),
    ).rejects.toMatchObject({
      code: "throttled",
      status: 429,
      upstreamCode: "AADSTS90055",
      retryAfterSeconds: 17,
    });
  });
});
