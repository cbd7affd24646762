import { tokenErrorWait } from "@boxafe-connect/core";
import { describe, expect, it } from "vitest";
import { createFetchAppTokenPort } from "./fetch-app-token.js";

/** Entra's OAuth error body, with a description that echoes a secret-looking value. */
const entra = (status: number, error: string, code: number) => async () =>
  new Response(
    JSON.stringify({
      error,
      error_description: `AADSTS${code}: echo secret=Zq9~abc Trace ID: t`,
      error_codes: [code],
    }),
    { status, headers: { "content-type": "application/json" } },
  );

const request = {
  tenantId: "contoso.onmicrosoft.com",
  clientId: "11111111-2222-3333-4444-555555555555",
  credential: { kind: "secret" as const, secret: "Zq9~abc" },
  resource: "https://graph.microsoft.com",
};

describe("createFetchAppTokenPort", () => {
  it.each([
    [401, "invalid_client", 7000215, "invalid_client_credentials", "propagation"],
    [400, "unauthorized_client", 700016, "not_found", "propagation"],
    [401, "invalid_client", 7000222, "invalid_client_credentials", "final"],
    [400, "invalid_request", 90002, "not_found", "final"],
    [429, "temporarily_unavailable", 50196, "throttled", "retry"],
  ])(
    "classifies HTTP %i %s AADSTS%i with core's classifier (%s, %s)",
    async (status, error, aadsts, code, wait) => {
      const port = createFetchAppTokenPort({
        authorityHost: "https://login.microsoftonline.com",
        fetch: entra(status, error, aadsts),
        now: () => 0,
      });
      const refused = await port.acquire(request).catch((e: unknown) => e);
      expect(refused).toMatchObject({ code, status, upstreamCode: `AADSTS${aadsts}` });
      expect(tokenErrorWait(refused as Parameters<typeof tokenErrorWait>[0])).toBe(wait);
      // The endpoint's own description is dropped: nothing it echoes can reach a caller.
      expect(JSON.stringify({ message: (refused as Error).message })).not.toContain("Zq9~");
    },
  );

  it("copes with a body that is not JSON", async () => {
    const port = createFetchAppTokenPort({
      authorityHost: "https://login.microsoftonline.com",
      fetch: async () => new Response("<html>bad gateway</html>", { status: 502 }),
      now: () => 0,
    });
    await expect(port.acquire(request)).rejects.toMatchObject({ code: "graph_request_failed", status: 502 });
  });

  it("keeps the token endpoint's Retry-After on a throttled answer (seconds, or an HTTP date from now)", async () => {
    const answer = (retryAfter: string) => async () =>
      new Response(JSON.stringify({ error: "temporarily_unavailable", error_codes: [50196] }), {
        status: 429,
        headers: { "content-type": "application/json", "retry-after": retryAfter },
      });
    const now = Date.UTC(2026, 9, 21, 7, 27, 30);
    const port = (retryAfter: string) =>
      createFetchAppTokenPort({
        authorityHost: "https://login.microsoftonline.com",
        fetch: answer(retryAfter),
        now: () => now,
      });
    await expect(port("42").acquire(request)).rejects.toMatchObject({
      code: "throttled",
      retryAfterSeconds: 42,
    });
    const dated = await port("Wed, 21 Oct 2026 07:28:00 GMT")
      .acquire(request)
      .catch((e: unknown) => e);
    expect(dated).toMatchObject({ code: "throttled", retryAfterSeconds: 30 });
    const garbage = await port("soon")
      .acquire(request)
      .catch((e: unknown) => e);
    expect(garbage).toMatchObject({ code: "throttled", retryAfterSeconds: undefined });
  });
});

describe("createFetchAppTokenPort with a certificate", () => {
  it("refuses a PEM block that is not a certificate, naming the field, before any request", async () => {
    let calls = 0;
    const port = createFetchAppTokenPort({
      authorityHost: "https://login.microsoftonline.com",
      fetch: async () => {
        calls += 1;
        return new Response("{}");
      },
      now: () => 0,
    });
    const credential = {
      kind: "certificate" as const,
      certificatePem: "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
      privateKeyPem: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
    };
    await expect(port.acquire({ ...request, credential })).rejects.toMatchObject({
      code: "invalid_input",
      field: "certificate.certificatePem",
    });
    expect(calls).toBe(0);
  });
});
