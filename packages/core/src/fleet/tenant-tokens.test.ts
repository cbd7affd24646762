import { describe, expect, it } from "vitest";
import { CoreError } from "../errors.js";
import type { AppTokenPort, AppTokenRequest } from "../verify/port.js";
import { tenantTokens } from "./tenant-tokens.js";

const request = (resource: string): AppTokenRequest => ({
  tenantId: "t",
  clientId: "c",
  credential: { kind: "secret", secret: "s" },
  resource,
});

function counting(fail = 0): AppTokenPort & { calls: string[] } {
  const calls: string[] = [];
  let failures = fail;
  return {
    calls,
    async acquire(r) {
      calls.push(r.resource);
      if (failures-- > 0) throw new CoreError("unreachable", "no answer");
      return `token ${calls.length} for ${r.resource}`;
    },
  };
}

describe("tenantTokens", () => {
  it("asks the token service once per audience and hands every later caller that token", async () => {
    const port = counting();
    const tokens = tenantTokens(port);
    const first = await Promise.all([
      tokens.acquire(request("https://graph.microsoft.com")),
      tokens.acquire(request("https://graph.microsoft.com/")),
    ]);
    const exchange = await tokens.acquire(request("https://outlook.office365.com"));
    expect(first).toEqual([
      "token 1 for https://graph.microsoft.com",
      "token 1 for https://graph.microsoft.com",
    ]);
    expect(await tokens.acquire(request("https://graph.microsoft.com"))).toBe(first[0]);
    expect(exchange).toBe("token 2 for https://outlook.office365.com");
    expect(port.calls).toHaveLength(2);
  });

  it("does not remember a failure: the next caller asks again", async () => {
    const port = counting(1);
    const tokens = tenantTokens(port);
    await expect(tokens.acquire(request("https://graph.microsoft.com"))).rejects.toThrow("no answer");
    expect(await tokens.acquire(request("https://graph.microsoft.com"))).toBe(
      "token 2 for https://graph.microsoft.com",
    );
  });

  it("keeps apps and tenants apart", async () => {
    const port = counting();
    const tokens = tenantTokens(port);
    await tokens.acquire(request("https://graph.microsoft.com"));
    await tokens.acquire({ ...request("https://graph.microsoft.com"), clientId: "other" });
    await tokens.acquire({ ...request("https://graph.microsoft.com"), tenantId: "other" });
    expect(port.calls).toHaveLength(3);
  });

  it("never hands one credential's token to another: a new certificate's proof asks the token service", async () => {
    const port = counting();
    const tokens = tenantTokens(port);
    const certificate = (pem: string): AppTokenRequest => ({
      ...request("https://graph.microsoft.com"),
      credential: { kind: "certificate", certificatePem: pem, privateKeyPem: "key" },
    });
    const current = await tokens.acquire(certificate("-----BEGIN CERTIFICATE-----\nOLD\n"));
    const fresh = await tokens.acquire(certificate("-----BEGIN CERTIFICATE-----\nNEW\n"));
    expect(fresh).not.toBe(current);
    // The same certificate (whatever its line breaks) is served from the cache; another secret is not.
    expect(await tokens.acquire(certificate("-----BEGIN CERTIFICATE----- OLD"))).toBe(current);
    await tokens.acquire({
      ...request("https://graph.microsoft.com"),
      credential: { kind: "secret", secret: "t" },
    });
    expect(port.calls).toHaveLength(3);
  });
});
