/**
 * The proof that an app may use EWS: an app-only token for the Exchange resource and a GetFolder of
 * a mailbox's inbox, impersonating that mailbox (Microsoft's David Barrett, Test-EWSAppAccess.ps1).
 * A blocked call gets 403 with `X-EWS-Policy-Reason`; a token without `full_access_as_app` gets 401
 * with `x-ms-diagnostics` 2000008.
 */
import type { CloudEndpoints } from "../clouds.js";
import { printable } from "../tenant/printable.js";
import type { HttpRequest, HttpResponse } from "../workloads/http-port.js";
import { bearer } from "../workloads/http-port.js";

/** The user agent of our proof call (the user-agent allow list, if any, is evaluated on it). */
export const EWS_PROOF_USER_AGENT = "boxafe-connect (EWS proof)";

function xmlText(value: string): string {
  return value.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function getFolderRequest(cloud: CloudEndpoints, token: string, mailbox: string): HttpRequest {
  const smtp = xmlText(mailbox);
  return {
    method: "POST",
    url: `${cloud.exchangeBaseUrl}/EWS/Exchange.asmx`,
    headers: {
      ...bearer(token),
      "Content-Type": "text/xml; charset=utf-8",
      "User-Agent": EWS_PROOF_USER_AGENT,
      "X-AnchorMailbox": mailbox,
    },
    body: [
      '<?xml version="1.0" encoding="utf-8"?>',
      '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages">',
      `<soap:Header><t:RequestServerVersion Version="Exchange2013_SP1"/><t:ExchangeImpersonation><t:ConnectingSID><t:SmtpAddress>${smtp}</t:SmtpAddress></t:ConnectingSID></t:ExchangeImpersonation></soap:Header>`,
      '<soap:Body><m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds></m:GetFolder></soap:Body>',
      "</soap:Envelope>",
    ].join(""),
  };
}

export type EwsProbe =
  | { readonly kind: "works" }
  | { readonly kind: "policy"; readonly reason: string }
  | { readonly kind: "no-permission"; readonly detail: string }
  | { readonly kind: "failed"; readonly status: number; readonly detail: string };

export function classifyGetFolder(res: HttpResponse): EwsProbe {
  if (res.status === 200 && /ResponseClass="Success"/.test(res.text)) return { kind: "works" };
  const policy = res.headers["x-ews-policy-reason"];
  if (res.status === 403 && policy !== undefined) return { kind: "policy", reason: printable(policy) };
  const diagnostics = res.headers["x-ms-diagnostics"] ?? "";
  if (res.status === 401)
    return { kind: "no-permission", detail: printable(diagnostics || "401 Unauthorized") };
  const code =
    /<(?:\w+:)?ResponseCode>([^<]+)</.exec(res.text)?.[1] ?? /a:(\w+)<\/faultcode>/.exec(res.text)?.[1];
  return {
    kind: "failed",
    status: res.status,
    detail: printable(code ?? diagnostics ?? `HTTP ${res.status}`),
  };
}
