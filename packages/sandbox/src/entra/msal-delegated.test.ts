import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GRAPH_CLI_CLIENT_ID, SANDBOX_WEB_CLIENT_ID } from "../store/tenant.js";
import { ADMIN, ADMIN_SCOPES, boot, claims, form, graph, hook, USER, userToken } from "../test/harness.js";
import { publicClient } from "../test/msal.js";
import { useSandbox } from "../test/suite.js";

const GA = "62e90394-69f5-4237-9190-012177145e10";
const WRITE_SCOPES = [
  "https://graph.microsoft.com/Application.ReadWrite.All",
  "https://graph.microsoft.com/AppRoleAssignment.ReadWrite.All",
];

const t = useSandbox({ signIn: false });

describe("device code with msal-node PublicClientApplication", () => {
  it("polls authorization_pending until the code is approved, then returns the admin's token", async () => {
    const pca = publicClient(t.sb, GRAPH_CLI_CLIENT_ID);
    let approvals = 0;
    const result = await pca.acquireTokenByDeviceCode({
      scopes: WRITE_SCOPES,
      deviceCodeCallback: (r) => {
        expect(r.verificationUri).toBe(`${t.sb.url}/devicelogin`);
        // Approve a little later so MSAL sees authorization_pending first.
        setTimeout(() => {
          approvals++;
          void hook(t.sb, "device/approve", { user_code: r.userCode, upn: ADMIN });
        }, 1200);
      },
    });
    expect(approvals).toBe(1);
    const c = claims(result?.accessToken ?? "");
    expect(c).toMatchObject({
      aud: "https://graph.microsoft.com",
      appid: GRAPH_CLI_CLIENT_ID,
      upn: ADMIN,
      tid: t.sb.tenantId,
    });
    expect(String(c.scp).split(" ")).toEqual(
      expect.arrayContaining(["Application.ReadWrite.All", "AppRoleAssignment.ReadWrite.All", "User.Read"]),
    );
    expect(c.wids).toContain(GA);
    expect(result?.account?.username).toBe(ADMIN);

    // The refresh token works through acquireTokenSilent with forceRefresh.
    const account = result?.account;
    if (!account) throw new Error("no account");
    const refreshed = await pca.acquireTokenSilent({ account, scopes: WRITE_SCOPES, forceRefresh: true });
    expect(claims(refreshed.accessToken).upn).toBe(ADMIN);
  });

  it("approves as the Global Administrator on its own with --auto-approve", async () => {
    const auto = await boot({ autoApprove: true });
    try {
      const result = await publicClient(auto, GRAPH_CLI_CLIENT_ID).acquireTokenByDeviceCode({
        scopes: WRITE_SCOPES,
        deviceCodeCallback: () => undefined,
      });
      expect(claims(result?.accessToken ?? "").upn).toBe(ADMIN);
    } finally {
      await auto.stop();
    }
  });

  it("gives a non-admin only the scopes a user may consent to", async () => {
    // Without the admin's organization-wide consent of the suite's sign-in (see sign-in-trace.test.ts).
    await hook(t.sb, "reset", {});
    const token = await userToken(t.sb, USER, ADMIN_SCOPES);
    const c = claims(token);
    expect(c.scp).toBe("User.Read");
    expect(c.wids).toEqual(["b79fbf4d-3ef9-4689-8143-76b194e85509"]);
    expect((await graph(t.sb, token, "POST", "/applications", { displayName: "x" })).status).toBe(403);
  });

  it("answers an unknown device code and an unknown grant type in Entra's error shape", async () => {
    const base = `${t.sb.url}/${t.sb.tenantId}/oauth2/v2.0/token`;
    const bad = await form(base, {
      client_id: GRAPH_CLI_CLIENT_ID,
      grant_type: "device_code",
      device_code: "nope",
    });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: "invalid_grant", error_codes: [70000] });
    expect(String(bad.json.error_description)).toMatch(/^AADSTS70000: /);
    expect(bad.json).toHaveProperty("trace_id");
    expect(bad.json).toHaveProperty("correlation_id");
    expect(bad.json).toHaveProperty("timestamp");
    const grant = await form(base, { client_id: GRAPH_CLI_CLIENT_ID, grant_type: "password" });
    expect(grant.json).toMatchObject({ error: "unsupported_grant_type", error_codes: [70003] });
  });
});

describe("authorization code with PKCE", () => {
  const verifier = randomBytes(32).toString("base64url");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  const redirect = "http://localhost:5173/auth";

  async function code(upn?: string): Promise<{ location: URL; page?: string }> {
    const q = new URLSearchParams({
      client_id: SANDBOX_WEB_CLIENT_ID,
      response_type: "code",
      redirect_uri: redirect,
      scope: "https://graph.microsoft.com/Application.ReadWrite.All openid profile offline_access",
      state: "s-123",
      code_challenge: challenge,
      code_challenge_method: "S256",
    });
    const authorize = `${t.sb.url}/${t.sb.tenantId}/oauth2/v2.0/authorize`;
    if (!upn) {
      const res = await fetch(`${authorize}?${q}`);
      return { location: new URL(redirect), page: await res.text() };
    }
    q.set("upn", upn);
    const res = await fetch(authorize, { method: "POST", body: q, redirect: "manual" });
    expect(res.status).toBe(302);
    return { location: new URL(res.headers.get("location") ?? "") };
  }

  it("shows a sign-in page listing the users, then redirects with code and state", async () => {
    const page = await code();
    expect(page.page).toContain(ADMIN);
    expect(page.page).toContain("Privileged Role Administrator");
    const { location } = await code(ADMIN);
    expect(location.origin + location.pathname).toBe(redirect);
    expect(location.searchParams.get("state")).toBe("s-123");
    const token = await form(`${t.sb.url}/${t.sb.tenantId}/oauth2/v2.0/token`, {
      client_id: SANDBOX_WEB_CLIENT_ID,
      grant_type: "authorization_code",
      code: location.searchParams.get("code") ?? "",
      redirect_uri: redirect,
      code_verifier: verifier,
    });
    expect(token.status).toBe(200);
    expect(claims(String(token.json.access_token)).scp).toContain("Application.ReadWrite.All");
    expect(token.json.refresh_token).toBeTruthy();

    const refreshed = await form(`${t.sb.url}/${t.sb.tenantId}/oauth2/v2.0/token`, {
      client_id: SANDBOX_WEB_CLIENT_ID,
      grant_type: "refresh_token",
      refresh_token: String(token.json.refresh_token),
    });
    expect(refreshed.status).toBe(200);
    expect(claims(String(refreshed.json.access_token)).upn).toBe(ADMIN);
  });

  it("rejects a wrong code_verifier, a reused code and a foreign redirect URI", async () => {
    const { location } = await code(ADMIN);
    const body = {
      client_id: SANDBOX_WEB_CLIENT_ID,
      grant_type: "authorization_code",
      code: location.searchParams.get("code") ?? "",
      redirect_uri: redirect,
      code_verifier: "wrong-verifier-wrong-verifier-wrong-verifier",
    };
    const url = `${t.sb.url}/${t.sb.tenantId}/oauth2/v2.0/token`;
    expect((await form(url, body)).json.error_codes).toEqual([501481]);
    expect((await form(url, { ...body, code_verifier: verifier })).status).toBe(200);
    expect((await form(url, { ...body, code_verifier: verifier })).json.error_codes).toEqual([54005]);
    const noPkce = await fetch(
      `${t.sb.url}/${t.sb.tenantId}/oauth2/v2.0/authorize?client_id=${SANDBOX_WEB_CLIENT_ID}&response_type=code&redirect_uri=${redirect}&upn=${ADMIN}`,
      { redirect: "manual" },
    );
    expect(new URL(noPkce.headers.get("location") ?? "").searchParams.get("error_description")).toMatch(
      /^AADSTS9002325/,
    );
    const fragment = await fetch(
      `${t.sb.url}/${t.sb.tenantId}/oauth2/v2.0/authorize?client_id=${SANDBOX_WEB_CLIENT_ID}&response_type=code&response_mode=fragment&redirect_uri=${redirect}&upn=${ADMIN}&state=f&code_challenge=${challenge}&code_challenge_method=S256`,
      { redirect: "manual" },
    );
    const hash = new URLSearchParams(new URL(fragment.headers.get("location") ?? "").hash.slice(1));
    expect(hash.get("state")).toBe("f");
    expect(hash.get("code")).toBeTruthy();
    const foreign = await fetch(
      `${t.sb.url}/${t.sb.tenantId}/oauth2/v2.0/authorize?client_id=${SANDBOX_WEB_CLIENT_ID}&response_type=code&redirect_uri=https://evil.example/cb`,
    );
    expect(foreign.status).toBe(400);
    expect(await foreign.text()).toContain("AADSTS50011");
  });
});
