import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SANDBOX_WEB_CLIENT_ID } from "./store/tenant.js";
import { ADMIN, graph, registerApp } from "./test/harness.js";
import { useSandbox } from "./test/suite.js";

const t = useSandbox({ reset: "tenant" });
const PAGE = "http://localhost:5173";

async function token(body: Record<string, string>, origin?: string) {
  const res = await fetch(`${t.sb.url}/${t.sb.tenantId}/oauth2/v2.0/token`, {
    method: "POST",
    headers: origin ? { Origin: origin } : {},
    body: new URLSearchParams(body),
  });
  return { status: res.status, headers: res.headers, json: (await res.json()) as Record<string, unknown> };
}

/** An authorization code for the pre-registered SPA client, through the sign-in page's form. */
async function spaCode(redirectUri: string): Promise<{ code: string; verifier: string }> {
  const verifier = randomBytes(32).toString("base64url");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  const params = new URLSearchParams({
    client_id: SANDBOX_WEB_CLIENT_ID,
    response_type: "code",
    redirect_uri: redirectUri,
    scope: "https://graph.microsoft.com/User.Read openid",
    code_challenge: challenge,
    code_challenge_method: "S256",
    login_hint: ADMIN,
    upn: ADMIN,
  });
  const res = await fetch(`${t.sb.url}/${t.sb.tenantId}/oauth2/v2.0/authorize`, {
    method: "POST",
    body: params,
    redirect: "manual",
  });
  const location = res.headers.get("location") ?? "";
  const code = new URL(location).searchParams.get("code") ?? "";
  return { code, verifier };
}

describe("CORS as Entra and Graph do it", () => {
  it("refuses a browser's cross-origin client-secret redemption with AADSTS9002326", async () => {
    const app = await registerApp(t.sb, t.admin);
    const form = {
      grant_type: "client_credentials",
      client_id: app.appId,
      client_secret: app.secret,
      scope: "https://graph.microsoft.com/.default",
    };
    const browser = await token(form, PAGE);
    expect(browser.status).toBe(400);
    expect(browser.json.error_codes).toEqual([9002326]);
    expect(String(browser.json.error_description)).toContain(
      "Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type.",
    );
    // The same request from a server (no Origin) is served.
    expect((await token(form)).status).toBe(200);
  });

  it("serves the SPA client's code redemption cross-origin, with CORS headers", async () => {
    const redirect = `${PAGE}/`;
    const { code, verifier } = await spaCode(redirect);
    expect(code).not.toBe("");
    const res = await token(
      {
        grant_type: "authorization_code",
        client_id: SANDBOX_WEB_CLIENT_ID,
        code,
        redirect_uri: redirect,
        code_verifier: verifier,
      },
      PAGE,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe(PAGE);
  });

  it("answers CORS on Graph and on discovery, and sends no CORS headers from /_sandbox/*", async () => {
    const preflight = await fetch(`${t.sb.url}/v1.0/organization`, {
      method: "OPTIONS",
      headers: {
        Origin: PAGE,
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "authorization",
      },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBe(PAGE);
    const read = await graph(t.sb, t.admin, "GET", "/organization", undefined, { Origin: PAGE });
    expect(read.headers.get("access-control-allow-origin")).toBe(PAGE);
    const discovery = await fetch(`${t.sb.url}/${t.sb.tenantId}/v2.0/.well-known/openid-configuration`, {
      headers: { Origin: PAGE },
    });
    expect(discovery.headers.get("access-control-allow-origin")).toBe(PAGE);
    for (const [method, path] of [
      ["GET", "/_sandbox/state"],
      ["OPTIONS", "/_sandbox/faults"],
    ] as const) {
      const hook = await fetch(`${t.sb.url}${path}`, {
        method,
        headers: { Origin: PAGE, "Access-Control-Request-Method": "POST" },
      });
      expect([...hook.headers.keys()].filter((k) => k.startsWith("access-control-"))).toEqual([]);
    }
  });
});
