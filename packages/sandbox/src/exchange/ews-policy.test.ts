import { describe, expect, it } from "vitest";
import { EXO_POWERSHELL_CLIENT_ID } from "../store/exchange-ids.js";
import { ADMIN, assign, hook, PRA, registerApp, userToken } from "../test/harness.js";
import { EXO_SP, FULL_ACCESS_AS_APP } from "../test/ids.js";
import { secretClient } from "../test/msal.js";
import { useSandbox } from "../test/suite.js";

const t = useSandbox({ reset: "all" });
const EXO = "https://outlook.office365.com/.default";
const OTHER_APP = "11111111-2222-4333-8444-555555555555";

async function invoke(token: string, CmdletName: string, Parameters: Record<string, unknown> = {}) {
  const res = await fetch(`${t.sb.url}/adminapi/beta/${t.sb.tenantId}/InvokeCommand`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${token}`,
      "Content-Type": "application/json",
      "X-AnchorMailbox": "UPN:SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}@contoso.onmicrosoft.com",
    },
    body: JSON.stringify({ CmdletInput: { CmdletName, Parameters } }),
  });
  return {
    status: res.status,
    body: (await res.json()) as { value?: Record<string, unknown>[]; error?: { message: string } },
  };
}

async function getFolder(token: string, mailbox = "user@contoso.onmicrosoft.com") {
  const res = await fetch(`${t.sb.url}/EWS/Exchange.asmx`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${token}`,
      "Content-Type": "text/xml; charset=utf-8",
      "X-AnchorMailbox": mailbox,
    },
    body: `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"><soap:Header><t:RequestServerVersion Version="Exchange2013_SP1"/><t:ExchangeImpersonation><t:ConnectingSID><t:SmtpAddress>${mailbox}</t:SmtpAddress></t:ConnectingSID></t:ExchangeImpersonation></soap:Header><soap:Body><m:GetFolder><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds></m:GetFolder></soap:Body></soap:Envelope>`,
  });
  return {
    status: res.status,
    reason: res.headers.get("x-ews-policy-reason"),
    diagnostics: res.headers.get("x-ms-diagnostics"),
    text: await res.text(),
  };
}

async function exchangeAdmin(upn = ADMIN): Promise<string> {
  return userToken(t.sb, upn, `${EXO} offline_access openid profile`, EXO_POWERSHELL_CLIENT_ID);
}

async function ewsApp(withRole: boolean): Promise<{ appId: string; token: string }> {
  const app = await registerApp(t.sb, t.admin, withRole ? "ews app" : "no role");
  if (withRole) await assign(t.sb, t.admin, EXO_SP, app.spId, FULL_ACCESS_AS_APP);
  const result = await secretClient(t.sb, app.appId, app.secret).acquireTokenByClientCredential({
    scopes: [EXO],
    skipCache: true,
  });
  return { appId: app.appId, token: result?.accessToken ?? "" };
}

describe("Exchange admin REST InvokeCommand", () => {
  it("answers Get-OrganizationConfig to an Exchange admin, with the Ews* properties only on request", async () => {
    const token = await exchangeAdmin();
    const plain = await invoke(token, "Get-OrganizationConfig");
    expect(plain.status).toBe(200);
    expect(plain.body.value?.[0]).toMatchObject({ EwsEnabled: null, EwsAllowedAppIDs: null });
    const ews = await invoke(token, "Get-OrganizationConfig", { RetrieveEwsOperationAccessPolicy: true });
    expect(ews.body.value?.[0]).toMatchObject({
      EwsEnabled: false,
      EwsApplicationAccessPolicy: null,
      EwsAllowList: null,
      EwsBlockList: null,
      EwsAllowedAppIDs: null,
    });
  });

  it("refuses a user without an Exchange admin role, another client's token and a missing anchor", async () => {
    const pra = await invoke(await exchangeAdmin(PRA), "Get-OrganizationConfig");
    expect(pra.status).toBe(403);
    expect(pra.body.error?.message).toContain("management roles");
    const graphCli = await invoke(t.admin, "Get-OrganizationConfig");
    expect(graphCli.status).toBe(401);
    const res = await fetch(`${t.sb.url}/adminapi/beta/${t.sb.tenantId}/InvokeCommand`, {
      method: "POST",
      headers: { Authorization: `Bearer ${await exchangeAdmin()}`, "Content-Type": "application/json" },
      body: JSON.stringify({ CmdletInput: { CmdletName: "Get-OrganizationConfig", Parameters: {} } }),
    });
    expect(res.status).toBe(400);
  });

  it("Set-OrganizationConfig writes the whole list; $null clears it; an @{Add=...} hashtable or a bad id is refused", async () => {
    const token = await exchangeAdmin();
    const read = async () =>
      (await invoke(token, "Get-OrganizationConfig", { RetrieveEwsOperationAccessPolicy: true })).body
        .value?.[0];
    expect((await invoke(token, "Set-OrganizationConfig", { EwsAllowedAppIDs: [OTHER_APP] })).status).toBe(
      200,
    );
    const mine = "22222222-3333-4444-8555-666666666666";
    await invoke(token, "Set-OrganizationConfig", { EwsAllowedAppIDs: [mine], EwsEnabled: true });
    expect(await read()).toMatchObject({ EwsEnabled: true, EwsAllowedAppIDs: [mine] });
    const add = await invoke(token, "Set-OrganizationConfig", { EwsAllowedAppIDs: { Add: OTHER_APP } });
    expect(add.status).toBe(400);
    expect(add.body.error?.message).toContain("EwsAllowedAppIDs");
    expect((await invoke(token, "Set-OrganizationConfig", { EwsAllowedAppIDs: ["not-a-guid"] })).status).toBe(
      400,
    );
    expect((await invoke(token, "Set-OrganizationConfig", { EwsAllowedAppIds2: [] })).status).toBe(400);
    expect(await read()).toMatchObject({ EwsAllowedAppIDs: [mine] });
    await invoke(token, "Set-OrganizationConfig", { EwsAllowedAppIDs: null });
    expect(await read()).toMatchObject({ EwsEnabled: true, EwsAllowedAppIDs: null });
  });
});

describe("EWS GetFolder under the organization's policy", () => {
  it("is blocked (403 X-EWS-Policy-Reason) until the allow list holds the app and the change has propagated", async () => {
    const { appId, token } = await ewsApp(true);
    const blocked = await getFolder(token);
    expect(blocked).toMatchObject({ status: 403, reason: "EWS is disabled for this user or tenant" });

    await hook(t.sb, "exchange", { propagationMs: 3_600_000 });
    const admin = await exchangeAdmin();
    await invoke(admin, "Set-OrganizationConfig", { EwsEnabled: true, EwsAllowedAppIDs: [OTHER_APP, appId] });
    // Written, read back at once, not yet enforced: the pending state.
    const state = await hook(t.sb, "exchange");
    expect(state.written).toMatchObject({ EwsEnabled: true, EwsAllowedAppIDs: [OTHER_APP, appId] });
    expect(state.effective).toMatchObject({ EwsEnabled: false });
    expect((await getFolder(token)).status).toBe(403);

    await hook(t.sb, "exchange", { propagationMs: 0 });
    const works = await getFolder(token);
    expect(works.status).toBe(200);
    expect(works.text).toContain("<t:DisplayName>Inbox</t:DisplayName>");
    expect((await getFolder(token, "nobody@contoso.onmicrosoft.com")).text).toContain(
      "ErrorNonExistentMailbox",
    );
  });

  it("blocks an app missing from a non-empty allow list, and one whose token lacks full_access_as_app", async () => {
    await hook(t.sb, "exchange", { policy: { EwsEnabled: true, EwsAllowedAppIDs: [OTHER_APP] } });
    const listed = await ewsApp(true);
    expect(await getFolder(listed.token)).toMatchObject({
      status: 403,
      reason: "EWS is blocked by policy for this user or tenant",
    });
    await hook(t.sb, "exchange", { policy: { EwsEnabled: true, EwsAllowedAppIDs: null } });
    expect((await getFolder(listed.token)).status).toBe(200);
    const bare = await ewsApp(false);
    const denied = await getFolder(bare.token);
    expect(denied.status).toBe(401);
    expect(denied.diagnostics).toContain("2000008");
  });

  it("applies the user-agent allow list too (both gates must pass)", async () => {
    const app = await ewsApp(true);
    await hook(t.sb, "exchange", {
      policy: {
        EwsEnabled: true,
        EwsApplicationAccessPolicy: "EnforceAllowList",
        EwsAllowList: ["OtherTool/*"],
      },
    });
    expect((await getFolder(app.token)).reason).toBe("EWS is blocked by policy for this user or tenant");
  });
});
