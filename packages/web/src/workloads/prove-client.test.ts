// @vitest-environment node
// Node's WebCrypto and jose in one realm (jsdom's typed arrays are foreign to Node's SubtleCrypto).
import { webcrypto } from "node:crypto";
import { makeCertificate } from "@boxafe-connect/certs";
import {
  cloudEndpoints,
  isCoreError,
  parseRequest,
  proveInput,
  proveRequestSchema,
} from "@boxafe-connect/core";
import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { proveViaApi } from "./prove-client.js";

const TENANT = "0b0c0d0e-1111-4222-8333-444455556666";
const CLIENT = "a1b2c3d4-0000-4000-8000-000000000001";
const cloud = cloudEndpoints("global");
const REPORT = {
  graph: { state: "works", call: "GET" },
  exchange: { state: "blocked", call: "POST" },
  sharepoint: { state: "works", call: "GET" },
  ready: { graph: "works", exchange: "blocked", sharepoint: "works" },
  readiness: { allWork: false, headline: "h", lines: [] },
};

function capture(status = 200, answer: unknown = REPORT) {
  const sent: string[] = [];
  const fetchFn = (async (_url: string, init: RequestInit) => {
    sent.push(String(init.body));
    return new Response(JSON.stringify(answer), { status, headers: { "content-type": "application/json" } });
  }) as typeof fetch;
  return { sent, fetchFn };
}

const deps = (fetchFn: typeof fetch) => ({
  proveApi: "/api/v1/prove",
  cloud,
  assertionAuthority: "https://login.microsoftonline.com",
  crypto: webcrypto as unknown as Crypto,
  nowSeconds: () => Math.floor(Date.now() / 1000),
  fetch: fetchFn,
});

describe("proveViaApi", () => {
  it("posts one assertion per workload, never the key, and they pass the API's checks", async () => {
    const cert = await makeCertificate(webcrypto as unknown as Crypto, {
      subject: "T",
      days: 2,
      pfxPassword: "p",
    });
    const { sent, fetchFn } = capture();
    const report = await proveViaApi(
      deps(fetchFn),
      { tenantId: TENANT, clientId: CLIENT, sharePointTenant: "contoso", ewsAllowed: true },
      { kind: "certificate", privateKeyPem: cert.privateKeyPem, derBase64: cert.derBase64 },
    );
    expect(report.ready.exchange).toBe("blocked");
    expect(sent).toHaveLength(1);
    const body = sent[0] ?? "";
    expect(body).not.toContain("PRIVATE KEY");
    expect(body).not.toContain(cert.privateKeyPem.slice(40, 80));
    const parsed = JSON.parse(body) as {
      credential: { assertions: Record<string, string> };
      ewsAllowed: boolean;
    };
    expect(parsed.ewsAllowed).toBe(true);
    const claims = Object.values(parsed.credential.assertions).map((a) => decodeJwt(a));
    expect(claims.map((c) => c.aud)).toEqual(
      Array(3).fill(`https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`),
    );
    expect(new Set(claims.map((c) => c.jti)).size).toBe(3);
    // What the page sends is what the API takes (core's proveInput over core's request schema).
    const input = proveInput(parseRequest(proveRequestSchema, parsed), {
      cloud,
      nowSeconds: Math.floor(Date.now() / 1000),
    });
    expect(Object.keys(input.credential.kind === "assertions" ? input.credential.byResource : {})).toEqual([
      "https://graph.microsoft.com",
      "https://outlook.office365.com",
      "https://contoso.sharepoint.com",
    ]);
  });

  it("posts Boxafe 1.4's secret as clientSecret", async () => {
    const { sent, fetchFn } = capture();
    await proveViaApi(
      deps(fetchFn),
      { tenantId: TENANT, clientId: CLIENT, ewsAllowed: false },
      {
        kind: "secret",
        secret: "s~ecret",
      },
    );
    expect(JSON.parse(sent[0] ?? "{}")).toMatchObject({
      credential: { clientSecret: "s~ecret" },
      ewsAllowed: false,
    });
  });

  it("turns the API's refusal into its typed error, naming nothing it did not say", async () => {
    const { fetchFn } = capture(400, { code: "invalid_input", message: "The graph assertion has expired." });
    const error = await proveViaApi(
      deps(fetchFn),
      { tenantId: TENANT, clientId: CLIENT, ewsAllowed: false },
      {
        kind: "secret",
        secret: "x",
      },
    ).catch((e: unknown) => e);
    expect(isCoreError(error) && error.code).toBe("invalid_input");
    expect(isCoreError(error) && error.message).toContain("expired");
  });

  it("says the proof service could not be reached when fetch fails", async () => {
    const failing = (async () => {
      throw new TypeError("network");
    }) as typeof fetch;
    const error = await proveViaApi(
      deps(failing),
      { tenantId: TENANT, clientId: CLIENT, ewsAllowed: false },
      {
        kind: "secret",
        secret: "x",
      },
    ).catch((e: unknown) => e);
    expect(isCoreError(error) && error.code).toBe("unreachable");
  });
});
