// @vitest-environment node
import { makeCertificate } from "@boxafe-connect/certs";
import type { AppTokenRequest } from "@boxafe-connect/core";
import { sandboxEndpoints } from "@boxafe-connect/core";
import { describe, expect, it } from "vitest";
import { apiAppTokenPort } from "./api-app-token.js";

const request: AppTokenRequest = {
  tenantId: "contoso.onmicrosoft.com",
  clientId: "11111111-2222-3333-4444-555555555555",
  credential: { kind: "secret", secret: "s3cr3t-value" },
  resource: "https://graph.microsoft.com",
};

function answering(status: number, body: unknown, sent: string[] = []): typeof fetch {
  return async (_url, init) => {
    sent.push(String(init?.body));
    return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  };
}

const report = (ok: boolean, code?: string) => ({
  complete: ok,
  checkedAt: "2026-12-01T00:00:00Z",
  items: [],
  tokens: [
    {
      resource: "microsoft-graph",
      audience: "https://graph.microsoft.com",
      ok,
      roles: [],
      ...(code ? { error: { code, message: "AADSTS7000215: Invalid client secret provided." } } : {}),
    },
  ],
});

describe("the proof port over the page's verification service", () => {
  it("posts the secret once to the same-origin path and resolves when Graph issued a token", async () => {
    const sent: string[] = [];
    await expect(
      apiAppTokenPort({ verifyApi: "/api/v1/verify" }, answering(200, report(true), sent)).acquire(request),
    ).resolves.toBe("");
    expect(JSON.parse(sent[0] ?? "{}")).toEqual({
      tenantId: request.tenantId,
      clientId: request.clientId,
      clientSecret: "s3cr3t-value",
    });
  });

  it("says 'not (yet) accepted' in core's terms, so core's proof waits and asks again", async () => {
    const port = apiAppTokenPort(
      { verifyApi: "/api/v1/verify" },
      answering(200, report(false, "invalid_client_credentials")),
    );
    await expect(port.acquire(request)).rejects.toMatchObject({ code: "invalid_client_credentials" });
  });

  it("passes other failures on as failures, not as a refused secret", async () => {
    const other = apiAppTokenPort(
      { verifyApi: "/api/v1/verify" },
      answering(200, report(false, "unreachable")),
    );
    await expect(other.acquire(request)).rejects.toMatchObject({ code: "graph_request_failed" });
    const throttled = apiAppTokenPort(
      { verifyApi: "/api/v1/verify" },
      answering(429, { code: "throttled", message: "slow down" }),
    );
    await expect(throttled.acquire(request)).rejects.toMatchObject({ code: "throttled" });
  });

  it("refuses a certificate without a proof service, sending nothing", async () => {
    const sent: string[] = [];
    const port = apiAppTokenPort({ verifyApi: "/api/v1/verify" }, answering(200, report(true), sent));
    await expect(
      port.acquire({
        ...request,
        credential: {
          kind: "certificate",
          certificatePem: "-----BEGIN CERTIFICATE-----",
          privateKeyPem: "k",
        },
      }),
    ).rejects.toMatchObject({ code: "invalid_input", field: "credential" });
    expect(sent).toEqual([]);
  });
});

describe("a certificate's proof over the page's proof service", () => {
  const proofOf = (graph: Record<string, unknown>) => ({
    graph: { call: "GET /v1.0/users", ...graph },
    exchange: { state: "blocked", call: "GetFolder" },
    sharepoint: { state: "blocked", call: "GET /_api/web" },
    ready: { graph: graph.state, exchange: "blocked", sharepoint: "blocked" },
    readiness: { lines: [] },
  });

  it("signs assertions here and posts them, never the private key; a Graph token resolves, none is 'not yet'", async () => {
    const made = await makeCertificate(globalThis.crypto, {
      subject: "QNAP Boxafe",
      days: 30,
      pfxPassword: "pw",
    });
    const sent: string[] = [];
    const services = (answer: unknown) => ({
      prove: {
        proveApi: "/api/v1/prove",
        cloud: sandboxEndpoints("https://localhost:8443"),
        assertionAuthority: "https://localhost:8443",
        crypto: globalThis.crypto,
        nowSeconds: () => 1_796_000_000,
        fetch: answering(200, answer, sent),
      },
    });
    const certificate = {
      ...request,
      credential: {
        kind: "certificate" as const,
        certificatePem: made.certificatePem,
        privateKeyPem: made.privateKeyPem,
      },
    };
    await expect(
      apiAppTokenPort(services(proofOf({ state: "works", status: 200 }))).acquire(certificate),
    ).resolves.toBe("");
    const body = JSON.parse(sent[0] ?? "{}") as { credential?: { assertions?: Record<string, string> } };
    expect(Object.keys(body.credential?.assertions ?? {})).toContain("graph");
    expect(sent.join("")).not.toContain("PRIVATE KEY");
    // A call status: Graph issued a token and answered, so the credential works.
    await expect(
      apiAppTokenPort(services(proofOf({ state: "blocked", status: 403 }))).acquire(certificate),
    ).resolves.toBe("");
    await expect(
      apiAppTokenPort(services(proofOf({ state: "blocked", why: "AADSTS700027" }))).acquire(certificate),
    ).rejects.toMatchObject({ code: "invalid_client_credentials" });
  });
});
