import { describe, expect, it } from "vitest";
import { cloudEndpoints, sandboxEndpoints } from "../clouds.js";
import { isCoreError } from "../errors.js";
import { checkAssertion, tokenEndpoint } from "../workloads/signed-assertions.js";
import { parseRequest } from "./parse-request.js";
import { proveInput, proveRequestSchema } from "./prove-request.js";

const TENANT = "0b0c0d0e-1111-4222-8333-444455556666";
const CLIENT = "a1b2c3d4-0000-4000-8000-000000000001";
const NOW = 1_796_000_000;
const cloud = cloudEndpoints("global");
const AUD = tokenEndpoint(cloud.authorityHost, TENANT);

const b64url = (value: unknown) =>
  btoa(JSON.stringify(value)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

let counter = 0;
/** The shape only: the API does not check signatures (Entra does, when it redeems the assertion). */
function jwt(claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}): string {
  counter += 1;
  return [
    b64url({ alg: "RS256", typ: "JWT", "x5t#S256": "abc", ...header }),
    b64url({
      aud: AUD,
      iss: CLIENT,
      sub: CLIENT,
      jti: `jti-${counter}`,
      iat: NOW,
      nbf: NOW,
      exp: NOW + 600,
      ...claims,
    }),
    "c2ln",
  ].join(".");
}

function request(assertions: Record<string, string | undefined>, extra: Record<string, unknown> = {}) {
  return parseRequest(proveRequestSchema, {
    tenantId: TENANT,
    clientId: CLIENT,
    sharePointTenant: "contoso",
    credential: { assertions },
    ...extra,
  });
}

function refusal(run: () => unknown): { field: string | undefined; message: string } {
  try {
    run();
  } catch (error) {
    if (isCoreError(error) && error.code === "invalid_input")
      return { field: error.field, message: error.message };
    throw error;
  }
  throw new Error("expected a refusal");
}

const context = { cloud, nowSeconds: NOW };

describe("proveInput", () => {
  it("keys each checked assertion by the audience its proof asks for", () => {
    const graph = jwt();
    const exchange = jwt();
    const sharepoint = jwt();
    const input = proveInput(request({ graph, exchange, sharepoint }), context);
    expect(input.credential).toEqual({
      kind: "assertions",
      byResource: {
        "https://graph.microsoft.com": graph,
        "https://outlook.office365.com": exchange,
        "https://contoso.sharepoint.com": sharepoint,
      },
    });
    expect(input.ewsAllowed).toBe(false);
  });

  it("takes the 1.4 secret as a secret credential", () => {
    const input = proveInput(
      parseRequest(proveRequestSchema, {
        tenantId: TENANT,
        clientId: CLIENT,
        credential: { clientSecret: "s~1" },
      }),
      context,
    );
    expect(input.credential).toEqual({ kind: "secret", secret: "s~1" });
  });

  it.each([
    ["expired", { exp: NOW - 1 }, {}, "has expired"],
    ["over-long", { exp: NOW + 601 }, {}, "longer than 10 minutes"],
    [
      "over-long from an old nbf",
      { nbf: NOW - 400, iat: NOW - 400, exp: NOW + 300 },
      {},
      "longer than 10 minutes",
    ],
    ["not yet valid", { nbf: NOW + 400, exp: NOW + 500 }, {}, "not valid yet"],
    ["wrong aud", { aud: "https://login.microsoftonline.com/common/oauth2/v2.0/token" }, {}, "must have aud"],
    ["wrong iss", { iss: "someone-else" }, {}, "iss and sub"],
    ["no jti", { jti: "" }, {}, "no jti"],
    ["HS256", {}, { alg: "HS256" }, "RS256 or PS256"],
    ["no thumbprint", {}, { "x5t#S256": undefined }, "x5t"],
  ])("refuses an assertion that is %s, naming it", (_name, claims, header, message) => {
    const bad = jwt(claims, header);
    const result = refusal(() =>
      proveInput(request({ graph: jwt(), exchange: bad, sharepoint: jwt() }), context),
    );
    expect(result.field).toBe("credential.assertions.exchange");
    expect(result.message).toContain(message);
  });

  it("refuses two assertions with one jti", () => {
    const same = jwt({ jti: "same" });
    const result = refusal(() =>
      proveInput(request({ graph: same, exchange: jwt({ jti: "same" }), sharepoint: jwt() }), context),
    );
    expect(result).toMatchObject({ field: "credential.assertions.exchange" });
    expect(result.message).toContain("jti");
  });

  it("asks for the SharePoint assertion when the tenant is named", () => {
    const result = refusal(() => proveInput(request({ graph: jwt(), exchange: jwt() }), context));
    expect(result.field).toBe("credential.assertions.sharepoint");
  });

  it("refuses a body with no credential or a malformed JWT before anything", () => {
    expect(
      refusal(() => parseRequest(proveRequestSchema, { tenantId: TENANT, clientId: CLIENT, credential: {} }))
        .field,
    ).toBe("credential");
    expect(refusal(() => request({ graph: "not a jwt", exchange: jwt() })).field).toContain("credential");
  });

  it("names the sandbox's own token endpoint when the cloud is the sandbox", () => {
    const sandbox = sandboxEndpoints("https://localhost:8443");
    const aud = tokenEndpoint(sandbox.authorityHost, TENANT);
    expect(aud).toBe(`https://localhost:8443/${TENANT}/oauth2/v2.0/token`);
    const ok = checkAssertion(jwt({ aud }), { clientId: CLIENT, audience: aud, nowSeconds: NOW });
    expect(ok.ok).toBe(true);
  });
});
