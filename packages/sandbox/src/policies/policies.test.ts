import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SANDBOX_WEB_CLIENT_ID } from "../store/tenant.js";
import { makeCert } from "../test/cert.js";
import {
  ADMIN,
  ADMIN_SCOPES,
  APP_ADMIN,
  errorOf,
  form,
  graph,
  hook,
  PRA,
  userToken,
} from "../test/harness.js";
import { useSandbox } from "../test/suite.js";

const t = useSandbox({ reset: "tenant" });
const POLICY_SCOPES = `${ADMIN_SCOPES} https://graph.microsoft.com/Policy.Read.All`;

async function reader(upn = ADMIN): Promise<string> {
  return userToken(t.sb, upn, POLICY_SCOPES);
}

describe("policy reads", () => {
  it("need Policy.Read.All: 403 without it, Graph's shapes with it", async () => {
    for (const path of [
      "/policies/defaultAppManagementPolicy",
      "/policies/appManagementPolicies",
      "/policies/authorizationPolicy",
      "/identity/conditionalAccess/policies",
    ]) {
      const denied = await graph(t.sb, t.admin, "GET", path);
      expect(denied.status, path).toBe(403);
      expect(errorOf(denied).code).toBe("Authorization_RequestDenied");
    }
    await hook(t.sb, "policy", { passwordAdditionBlocked: true, passwordMaxLifetime: "P90D" });
    await hook(t.sb, "policies", {
      allowedToCreateApps: false,
      deviceCodeBlock: "enabledForReportingButNotEnforced",
    });
    const token = await reader();
    const tenant = await graph(t.sb, token, "GET", "/policies/defaultAppManagementPolicy");
    expect(tenant.status).toBe(200);
    expect(tenant.body).toMatchObject({
      id: "00000000-0000-0000-0000-000000000000",
      isEnabled: true,
      applicationRestrictions: {
        passwordCredentials: expect.arrayContaining([
          expect.objectContaining({ restrictionType: "passwordAddition", state: "enabled" }),
          expect.objectContaining({ restrictionType: "passwordLifetime", maxLifetime: "P90D" }),
        ]),
        keyCredentials: [],
      },
    });
    const auth = await graph(t.sb, token, "GET", "/policies/authorizationPolicy");
    expect(auth.body).toMatchObject({
      id: "authorizationPolicy",
      defaultUserRolePermissions: { allowedToCreateApps: false },
    });
    const ca = await graph(t.sb, token, "GET", "/identity/conditionalAccess/policies");
    expect(ca.body.value).toEqual([
      expect.objectContaining({
        displayName: "Block device code flow",
        state: "enabledForReportingButNotEnforced",
        conditions: expect.objectContaining({ authenticationFlows: { transferMethods: "deviceCodeFlow" } }),
        grantControls: { operator: "OR", builtInControls: ["block"] },
      }),
    ]);
  });

  it("an Application Administrator reads app management policies but not Conditional Access", async () => {
    const token = await reader(APP_ADMIN);
    expect((await graph(t.sb, token, "GET", "/policies/defaultAppManagementPolicy")).status).toBe(200);
    expect((await graph(t.sb, token, "GET", "/identity/conditionalAccess/policies")).status).toBe(403);
  });
});

describe("app management policies", () => {
  it("blocked secrets refuse addPassword with Graph's error; an app's own policy replaces the tenant default", async () => {
    await hook(t.sb, "policy", { passwordAdditionBlocked: true });
    const blocked = await graph(t.sb, t.admin, "POST", "/applications", { displayName: "blocked" });
    const refused = await graph(t.sb, t.admin, "POST", `/applications/${blocked.body.id}/addPassword`, {
      passwordCredential: { displayName: "x" },
    });
    expect(refused.status).toBe(400);
    expect(errorOf(refused)).toMatchObject({
      code: "CredentialTypeNotAllowedAsPerAppPolicy",
      message:
        "Password credentials are not allowed as per assigned policy '00000000-0000-0000-0000-000000000000'",
    });

    const own = "a1111111-0000-4000-8000-000000000001";
    await hook(t.sb, "policies", {
      appManagementPolicies: [
        { id: own, displayName: "90-day secrets", passwordMaxLifetime: "P90D", appliesTo: [blocked.body.id] },
      ],
    });
    const long = await graph(t.sb, t.admin, "POST", `/applications/${blocked.body.id}/addPassword`, {
      passwordCredential: { endDateTime: new Date(Date.now() + 180 * 86_400_000).toISOString() },
    });
    expect(errorOf(long)).toMatchObject({
      code: "CredentialInvalidLifetimeAsPerAppPolicy",
      message: `Credential lifetime exceeds the max value allowed as per assigned policy '${own}'`,
      details: [expect.objectContaining({ code: "InvalidKeyEndDate", target: "EndDate" })],
    });
    const short = await graph(t.sb, t.admin, "POST", `/applications/${blocked.body.id}/addPassword`, {
      passwordCredential: { endDateTime: new Date(Date.now() + 89 * 86_400_000).toISOString() },
    });
    expect(short.status).toBe(200);
    const token = await reader();
    const applies = await graph(t.sb, token, "GET", `/policies/appManagementPolicies/${own}/appliesTo`);
    expect(applies.body.value).toEqual([
      expect.objectContaining({ id: blocked.body.id, "@odata.type": "#microsoft.graph.application" }),
    ]);
  });

  it("a restriction applies only to apps created after its date", async () => {
    await hook(t.sb, "policy", { passwordAdditionBlocked: true, since: "2099-01-01T00:00:00Z" });
    const app = await graph(t.sb, t.admin, "POST", "/applications", { displayName: "older" });
    const pw = await graph(t.sb, t.admin, "POST", `/applications/${app.body.id}/addPassword`, {
      passwordCredential: {},
    });
    expect(pw.status).toBe(200);
  });

  it("a certificate lifetime cap refuses a longer certificate and accepts a shorter one", async () => {
    await hook(t.sb, "policy", { keyMaxLifetime: "P30D" });
    const app = await graph(t.sb, t.admin, "POST", "/applications", { displayName: "certs" });
    const long = await makeCert(60);
    const refused = await graph(t.sb, t.admin, "PATCH", `/applications/${app.body.id}`, {
      keyCredentials: [{ type: "AsymmetricX509Cert", usage: "Verify", key: long.der }],
    });
    expect(errorOf(refused).code).toBe("CredentialInvalidLifetimeAsPerAppPolicy");
    const short = await makeCert(20);
    const ok = await graph(t.sb, t.admin, "PATCH", `/applications/${app.body.id}`, {
      keyCredentials: [{ type: "AsymmetricX509Cert", usage: "Verify", key: short.der }],
    });
    expect(ok.status).toBe(204);
  });

  it("trusted certificate authorities refuse a self-signed certificate", async () => {
    await hook(t.sb, "policy", { trustedCertificateAuthority: true });
    const app = await graph(t.sb, t.admin, "POST", "/applications", { displayName: "ca" });
    const cert = await makeCert(20);
    const refused = await graph(t.sb, t.admin, "PATCH", `/applications/${app.body.id}`, {
      keyCredentials: [{ type: "AsymmetricX509Cert", usage: "Verify", key: cert.der }],
    });
    expect(refused.status).toBe(400);
  });

  it("rejects a bad hook body naming the field", async () => {
    const res = await fetch(`${t.sb.url}/_sandbox/policy`, {
      method: "POST",
      body: JSON.stringify({ passwordMaxLifetime: "90 days" }),
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain("passwordMaxLifetime");
  });
});

describe("users may not register applications", () => {
  it("refuses a Privileged Role Administrator with 403 while a Global Administrator may", async () => {
    await hook(t.sb, "policies", { allowedToCreateApps: false });
    const pra = await userToken(t.sb, PRA);
    const refused = await graph(t.sb, pra, "POST", "/applications", { displayName: "pra" });
    expect(refused.status).toBe(403);
    expect(errorOf(refused)).toMatchObject({ code: "Authorization_RequestDenied" });
    const upsert = await graph(
      t.sb,
      pra,
      "PATCH",
      "/applications(uniqueName='pra-app')",
      { displayName: "pra" },
      { Prefer: "create-if-missing" },
    );
    expect(upsert.status).toBe(403);
    expect((await graph(t.sb, t.admin, "POST", "/applications", { displayName: "ga" })).status).toBe(201);
    await hook(t.sb, "policies", { allowedToCreateApps: true });
    expect((await graph(t.sb, pra, "POST", "/applications", { displayName: "pra" })).status).toBe(201);
  });
});

describe("Conditional Access on device code", () => {
  const tokenUrl = () => `${t.sb.url}/${t.sb.tenantId}/oauth2/v2.0/token`;

  async function browserToken(): Promise<number> {
    const verifier = randomBytes(32).toString("base64url");
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    const redirect = "http://localhost:5173/auth";
    const q = new URLSearchParams({
      client_id: SANDBOX_WEB_CLIENT_ID,
      response_type: "code",
      redirect_uri: redirect,
      scope: ADMIN_SCOPES,
      code_challenge: challenge,
      code_challenge_method: "S256",
      upn: ADMIN,
    });
    const res = await fetch(`${t.sb.url}/${t.sb.tenantId}/oauth2/v2.0/authorize`, {
      method: "POST",
      body: q,
      redirect: "manual",
    });
    const code = new URL(res.headers.get("location") ?? "").searchParams.get("code") ?? "";
    const tok = await form(tokenUrl(), {
      client_id: SANDBOX_WEB_CLIENT_ID,
      grant_type: "authorization_code",
      code,
      redirect_uri: redirect,
      code_verifier: verifier,
    });
    return tok.status;
  }

  it("an enabled block refuses the device code token with AADSTS53003; the browser flow still works", async () => {
    await hook(t.sb, "policies", { deviceCodeBlock: "enabled" });
    await expect(userToken(t.sb, ADMIN)).rejects.toThrow(/AADSTS53003/);
    expect(await browserToken()).toBe(200);
  });

  it("report-only is not enforced", async () => {
    await hook(t.sb, "policies", { deviceCodeBlock: "enabledForReportingButNotEnforced" });
    expect(await userToken(t.sb, ADMIN)).toBeTruthy();
  });

  it("an excluded user signs in with device code", async () => {
    await hook(t.sb, "policies", {
      conditionalAccessPolicies: [
        {
          id: "c1111111-0000-4000-8000-000000000001",
          displayName: "No device code except admin",
          state: "enabled",
          createdDateTime: "2026-01-01T00:00:00Z",
          modifiedDateTime: null,
          templateId: null,
          conditions: {
            clientAppTypes: ["all"],
            applications: { includeApplications: ["All"], excludeApplications: [] },
            users: {
              includeUsers: ["All"],
              excludeUsers: ["a0000001-0000-4000-8000-000000000001"],
              includeRoles: [],
              excludeRoles: [],
            },
            authenticationFlows: { transferMethods: "deviceCodeFlow,authenticationTransfer" },
          },
          grantControls: { operator: "OR", builtInControls: ["block"] },
          sessionControls: null,
        },
      ],
    });
    expect(await userToken(t.sb, ADMIN)).toBeTruthy();
    await expect(userToken(t.sb, PRA)).rejects.toThrow(/AADSTS53003/);
  });
});

describe("refused consent", () => {
  it("a declined scope fails the grant with AADSTS65001", async () => {
    await hook(t.sb, "policies", { declinedScopes: ["Policy.Read.All"] });
    await expect(reader()).rejects.toThrow(/AADSTS65001/);
    expect(await userToken(t.sb, ADMIN)).toBeTruthy();
  });
});
