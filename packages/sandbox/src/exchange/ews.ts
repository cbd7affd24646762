/**
 * EWS `POST /EWS/Exchange.asmx`, GetFolder only: the call Microsoft's David Barrett uses to prove an app
 * may use EWS (Test-EWSAppAccess.ps1: an app-only token for https://outlook.office365.com and a GetFolder
 * of a mailbox's inbox with impersonation and X-AnchorMailbox).
 *
 * - No `full_access_as_app` in the token's roles: 401 with
 *   `x-ms-diagnostics: 2000008;reason="The token contains no permissions, or permissions can not be understood."`
 *   (public evidence of real traffic: otris/ews-cpp #148, Garethp/php-ews #222).
 * - The tenant's EWS policy in force (org-config.ts, after the propagation delay) blocks the app:
 *   403 with `X-EWS-Policy-Reason` ("EWS is disabled for this user or tenant" / "EWS is blocked by policy
 *   for this user or tenant"), office-developer-exchange-docs "Control access to EWS in Exchange".
 * - App-only calls need the ExchangeImpersonation SOAP header: without it a SOAP fault
 *   ErrorInvalidExchangeImpersonationHeaderData (EWS OAuth docs, "how to authenticate an EWS application").
 * Per-mailbox `EwsEnabled` (Set-CASMailbox) is not modelled: every mailbox follows the organization.
 */
import { Hono } from "hono";
import type { SandboxContext } from "../context.js";
import { EXCHANGE_AUDIENCES } from "../store/exchange-ids.js";
import { readBearer } from "../workloads/bearer.js";
import { decideEws } from "./org-config.js";

const SOAP_HEADERS = { "Content-Type": "text/xml; charset=utf-8" };

function fault(code: string, message: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>
<faultcode xmlns:a="http://schemas.microsoft.com/exchange/services/2006/types">a:${code}</faultcode>
<faultstring xml:lang="en-US">${message}</faultstring>
<detail><e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">${code}</e:ResponseCode></detail>
</s:Fault></s:Body></s:Envelope>`;
}

function inbox(mailbox: string, unread: number): string {
  const id = Buffer.from(`inbox:${mailbox}`).toString("base64");
  return `<?xml version="1.0" encoding="utf-8"?>
<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">
<s:Header><h:ServerVersionInfo MajorVersion="15" MinorVersion="20" MajorBuildNumber="0" MinorBuildNumber="0" Version="V2018_01_08" xmlns:h="http://schemas.microsoft.com/exchange/services/2006/types"/></s:Header>
<s:Body><m:GetFolderResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">
<m:ResponseMessages><m:GetFolderResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode>
<m:Folders><t:Folder><t:FolderId Id="${id}" ChangeKey="AQAAAA=="/><t:DisplayName>Inbox</t:DisplayName><t:TotalCount>${unread}</t:TotalCount><t:ChildFolderCount>0</t:ChildFolderCount><t:UnreadCount>${unread}</t:UnreadCount></t:Folder></m:Folders>
</m:GetFolderResponseMessage></m:ResponseMessages></m:GetFolderResponse></s:Body></s:Envelope>`;
}

/** The impersonated mailbox of an ExchangeImpersonation header (SmtpAddress, PrimarySmtpAddress or PrincipalName). */
function impersonated(xml: string): string | undefined {
  const header = /<(?:\w+:)?ExchangeImpersonation\b[\s\S]*?<\/(?:\w+:)?ExchangeImpersonation>/.exec(xml)?.[0];
  if (!header) return undefined;
  return /<(?:\w+:)?(?:PrimarySmtpAddress|SmtpAddress|PrincipalName)>\s*([^<\s]+)\s*</.exec(header)?.[1];
}

export function ewsRoutes(ctx: SandboxContext): Hono {
  const app = new Hono();
  app.post("/EWS/Exchange.asmx", async (c) => {
    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      ctx.stats.status(status);
      return new Response(body, { status, headers: { ...SOAP_HEADERS, ...headers } });
    };
    const bearer = await readBearer(ctx, c.req.header("authorization"));
    if (!bearer.ok || !EXCHANGE_AUDIENCES.includes(bearer.caller.aud)) {
      return send(401, "", {
        "WWW-Authenticate":
          'Bearer client_id="00000002-0000-0ff1-ce00-000000000000", trusted_issuers="00000001-0000-0000-c000-000000000000@*"',
        "x-ms-diagnostics": `2000001;reason="${bearer.ok ? "The audience claim value is invalid." : bearer.reason}";error_category="invalid_token"`,
      });
    }
    const caller = bearer.caller;
    if (caller.kind === "app" && !caller.roles.includes("full_access_as_app")) {
      return send(401, "", {
        "x-ms-diagnostics":
          '2000008;reason="The token contains no permissions, or permissions can not be understood.";error_category="invalid_grant"',
      });
    }
    const decision = decideEws(ctx.exchange.effective(), caller.appId, c.req.header("user-agent") ?? "");
    if (!decision.allowed) return send(403, "", { "X-EWS-Policy-Reason": decision.reason });
    const xml = await c.req.text();
    if (!/<(?:\w+:)?GetFolder\b/.test(xml)) {
      return send(500, fault("ErrorInvalidRequest", "The sandbox answers GetFolder only."));
    }
    if (!/DistinguishedFolderId\s+Id="inbox"/i.test(xml)) {
      return send(500, fault("ErrorInvalidRequest", "The sandbox answers GetFolder of the inbox only."));
    }
    const target = caller.kind === "app" ? impersonated(xml) : caller.upn;
    if (!target) {
      return send(
        500,
        fault(
          "ErrorInvalidExchangeImpersonationHeaderData",
          "ExchangeImpersonation SOAP header must be present for this type of OAuth token.",
        ),
      );
    }
    const user = ctx.dir.data.users.find(
      (u) =>
        u.userPrincipalName.toLowerCase() === target.toLowerCase() ||
        u.mail.toLowerCase() === target.toLowerCase(),
    );
    if (!user) {
      return send(
        500,
        fault("ErrorNonExistentMailbox", `The SMTP address has no mailbox associated with it.`),
      );
    }
    return send(200, inbox(user.userPrincipalName, 0));
  });
  return app;
}
