import type { AppTokenRequest } from "@boxafe-connect/core";
import { isCoreError, tokenErrorWait } from "@boxafe-connect/core";
import { describe, expect, it } from "vitest";
import { browserAppTokenPort } from "./app-token.js";

const request: AppTokenRequest = {
  tenantId: "tenant-1",
  clientId: "client-1",
  credential: { kind: "secret", secret: "s3cr3t" },
  resource: "https://graph.microsoft.com",
};

describe("browserAppTokenPort", () => {
  it("posts client credentials to the tenant's token endpoint", async () => {
    const seen: { url: string; body: string }[] = [];
    const port = browserAppTokenPort("https://localhost:8444", async (url, init) => {
      seen.push({ url: String(url), body: String(init?.body) });
      return new Response(JSON.stringify({ access_token: "jwt" }));
    });
    expect(await port.acquire(request)).toBe("jwt");
    expect(seen[0]?.url).toBe("https://localhost:8444/tenant-1/oauth2/v2.0/token");
    const form = new URLSearchParams(seen[0]?.body);
    expect(form.get("grant_type")).toBe("client_credentials");
    expect(form.get("scope")).toBe("https://graph.microsoft.com/.default");
  });

  it("turns a rejected secret into invalid_client_credentials without echoing it", async () => {
    const port = browserAppTokenPort("https://x", async () =>
      Response.json(
        {
          error: "invalid_client",
          error_description: "AADSTS7000215: Invalid client secret provided.\r\nTrace ID: 1",
          error_codes: [7000215],
        },
        { status: 401 },
      ),
    );
    const error = await port.acquire(request).catch((e: unknown) => e);
    expect(isCoreError(error) && error.code).toBe("invalid_client_credentials");
    expect(isCoreError(error) && error.upstreamCode).toBe("AADSTS7000215");
    expect(String((error as Error).message)).not.toContain("s3cr3t");
  });

  it("reads an app the token service does not know yet (AADSTS700016) as propagation, like the CLI and API", async () => {
    const port = browserAppTokenPort("https://x", async () =>
      Response.json(
        { error: "unauthorized_client", error_description: "AADSTS700016: not found", error_codes: [700016] },
        { status: 400 },
      ),
    );
    const error = await port.acquire(request).catch((e: unknown) => e);
    expect(isCoreError(error) && error.code).toBe("not_found");
    expect(isCoreError(error) && tokenErrorWait(error)).toBe("propagation");
  });

  it("reports an unreachable endpoint", async () => {
    const port = browserAppTokenPort("https://x", async () => {
      throw new TypeError("fetch failed");
    });
    const error = await port.acquire(request).catch((e: unknown) => e);
    expect(isCoreError(error) && error.code).toBe("unreachable");
  });
});
