/**
 * Proof by a real call per workload, as the app (token roles are the first proof; this is the
 * second): Microsoft Graph `GET /users?$top=1`, SharePoint REST `GET /_api/web` and EWS `GetFolder` of
 * a mailbox's inbox. Each workload ends works, blocked (why + the fix) or pending (the fix is made and
 * Microsoft has yet to apply it).
 */

import type { CloudEndpoints } from "../clouds.js";
import { isCoreError } from "../errors.js";
import { classifyGetFolder, getFolderRequest } from "../exchange/ews-probe.js";
import { printable } from "../tenant/printable.js";
import { audienceFor } from "../verify/audiences.js";
import type { AppTokenPort, ClientCredential } from "../verify/port.js";
import { tokenErrorWait } from "../verify/token-response.js";
import { bearer, type HttpPort, parseJson } from "./http-port.js";

export type WorkloadKey = "graph" | "exchange" | "sharepoint";
export type WorkloadState = "works" | "blocked" | "pending";

export interface WorkloadProof {
  readonly state: WorkloadState;
  /** The call that proved it, e.g. "GET https://graph.microsoft.com/v1.0/users?$top=1". */
  readonly call: string;
  readonly status?: number;
  readonly why?: string;
  readonly fix?: string;
}

export interface WorkloadReport {
  readonly graph: WorkloadProof;
  readonly exchange: WorkloadProof;
  readonly sharepoint: WorkloadProof;
  readonly ready: Readonly<Record<WorkloadKey, WorkloadState>>;
}

export interface WorkloadProofDeps {
  readonly http: HttpPort;
  readonly tokens: AppTokenPort;
}

export interface WorkloadProofRequest {
  readonly tenantId: string;
  readonly clientId: string;
  /** The credential Boxafe will hold: a secret (1.4) or the certificate (1.5+). */
  readonly credential: ClientCredential;
  readonly cloud: CloudEndpoints;
  /** contoso in https://contoso.sharepoint.com. */
  readonly sharePointTenant: string | undefined;
  /** The mailbox whose inbox EWS opens; default: the first user Graph lists. */
  readonly mailbox?: string;
  /** The EWS allow list already lets this app in (ews allow wrote it): a policy 403 is then "pending". */
  readonly ewsAllowed: boolean;
}

async function appToken(
  deps: WorkloadProofDeps,
  request: WorkloadProofRequest,
  resource: string,
): Promise<{ token: string } | { why: string; propagating: boolean }> {
  try {
    const token = await deps.tokens.acquire({
      tenantId: request.tenantId,
      clientId: request.clientId,
      credential: request.credential,
      resource,
    });
    return { token };
  } catch (error) {
    return {
      why: isCoreError(error) ? error.message : "The token service refused the app's credential.",
      // AADSTS700016 / 7000215 / 700027 ...: what a new app or credential answers until Entra has it everywhere.
      propagating: isCoreError(error) && tokenErrorWait(error) === "propagation",
    };
  }
}

const PROPAGATION_FIX =
  "A new app or credential takes a few minutes to reach Entra's token service: prove again shortly. If it stays refused, the credential is not the one on the app.";

/** A refused token: pending while the credential may still be propagating, else blocked with the consent fix. */
function refused(call: string, got: { why: string; propagating: boolean }): WorkloadProof {
  return got.propagating
    ? { state: "pending", call, why: got.why, fix: PROPAGATION_FIX }
    : { state: "blocked", call, why: got.why, fix: CONSENT_FIX };
}

const CONSENT_FIX =
  "Grant admin consent again (boxafe-connect setup) and wait a minute for the roles to reach the token.";

async function proveGraph(
  deps: WorkloadProofDeps,
  request: WorkloadProofRequest,
): Promise<{ proof: WorkloadProof; mailbox: string | undefined }> {
  const url = `${request.cloud.graphBaseUrl}/v1.0/users?$top=1&$select=userPrincipalName,mail`;
  const call = `GET ${request.cloud.graphBaseUrl}/v1.0/users?$top=1`;
  const audience = audienceFor("microsoft-graph", request.cloud, undefined) ?? request.cloud.graphBaseUrl;
  const got = await appToken(deps, request, audience);
  if ("why" in got) return { proof: refused(call, got), mailbox: undefined };
  const res = await deps.http.send({
    method: "GET",
    url,
    headers: { ...bearer(got.token), Accept: "application/json" },
  });
  if (res.status === 200) {
    const first = (
      parseJson(res.text) as { value?: { userPrincipalName?: unknown; mail?: unknown }[] } | undefined
    )?.value?.[0];
    const mail = typeof first?.mail === "string" && first.mail !== "" ? first.mail : first?.userPrincipalName;
    return {
      proof: { state: "works", call, status: 200 },
      mailbox: typeof mail === "string" ? mail : undefined,
    };
  }
  return {
    proof: {
      state: "blocked",
      call,
      status: res.status,
      why:
        res.status === 403
          ? "Microsoft Graph refused to list users: the app's token has no User.Read.All or Directory role."
          : `Microsoft Graph answered HTTP ${res.status}.`,
      fix: CONSENT_FIX,
    },
    mailbox: undefined,
  };
}

async function proveSharePoint(
  deps: WorkloadProofDeps,
  request: WorkloadProofRequest,
): Promise<WorkloadProof> {
  const tenant = request.sharePointTenant;
  if (tenant === undefined) {
    return {
      state: "blocked",
      call: "GET https://{tenant}.sharepoint.com/_api/web",
      why: "The SharePoint tenant name is unknown.",
      fix: "Pass the tenant's initial domain (contoso.onmicrosoft.com).",
    };
  }
  const base = request.cloud.sharePointBaseUrl(tenant);
  const call = `GET https://${request.cloud.sharePointHost(tenant)}/_api/web`;
  const secretFix =
    "SharePoint app-only access needs a certificate since 2026-04-02: use Boxafe 1.5 or later with the certificate (boxafe-connect setup --boxafe 1.5, or boxafe-connect sharepoint).";
  const got = await appToken(deps, request, `https://${request.cloud.sharePointHost(tenant)}`);
  if ("why" in got) return refused(call, got);
  const res = await deps.http.send({
    method: "GET",
    url: `${base}/_api/web`,
    headers: { ...bearer(got.token), Accept: "application/json;odata=nometadata" },
  });
  if (res.status === 200) return { state: "works", call, status: 200 };
  const diagnostics = res.headers["x-ms-diagnostics"] ?? "";
  if (
    res.status === 401 &&
    (request.credential.kind === "secret" || /Unsupported app only token/i.test(diagnostics))
  ) {
    return {
      state: "blocked",
      call,
      status: 401,
      why: "SharePoint refuses app-only tokens got with a client secret (Azure ACS was retired on 2026-04-02).",
      fix: secretFix,
    };
  }
  return {
    state: "blocked",
    call,
    status: res.status,
    why:
      res.status === 403
        ? "SharePoint refused the app: its token has no SharePoint app role (Sites.FullControl.All)."
        : `SharePoint answered HTTP ${res.status}${diagnostics ? ` (${printable(diagnostics)})` : ""}.`,
    fix: CONSENT_FIX,
  };
}

async function proveExchange(
  deps: WorkloadProofDeps,
  request: WorkloadProofRequest,
  mailbox: string | undefined,
  graph: WorkloadProof,
): Promise<WorkloadProof> {
  const call = `POST ${request.cloud.exchangeResource}/EWS/Exchange.asmx GetFolder(inbox)`;
  if (mailbox === undefined && graph.state !== "works") {
    // The mailbox comes from Graph's first user: EWS waits for (or fails with) the Graph proof.
    return {
      state: graph.state,
      call,
      why: `No mailbox to open yet: the Graph proof did not answer (${graph.why ?? graph.state}).`,
      ...(graph.fix ? { fix: graph.fix } : {}),
    };
  }
  if (mailbox === undefined) {
    return {
      state: "blocked",
      call,
      why: "No mailbox to open: Graph listed no user.",
      fix: "Name a mailbox to test with (--mailbox user@contoso.com).",
    };
  }
  const got = await appToken(deps, request, request.cloud.exchangeResource);
  if ("why" in got) return refused(call, got);
  const res = await deps.http.send(getFolderRequest(request.cloud, got.token, mailbox));
  const probe = classifyGetFolder(res);
  switch (probe.kind) {
    case "works":
      return { state: "works", call, status: 200 };
    case "policy":
      return request.ewsAllowed
        ? {
            state: "pending",
            call,
            status: 403,
            why: `EWS still answers "${probe.reason}": the allow list is written and Exchange Online applies it within 24 hours.`,
            fix: "Nothing to do but wait; boxafe-connect check (or ews status) tries again.",
          }
        : {
            state: "blocked",
            call,
            status: 403,
            why: `EWS answered "${probe.reason}" (X-EWS-Policy-Reason).`,
            fix: "Put the app on the organization's EWS allow list: boxafe-connect ews allow (or the PowerShell it prints).",
          };
    case "no-permission":
      return {
        state: "blocked",
        call,
        status: 401,
        why: `EWS refused the app's token: it has no full_access_as_app role (${probe.detail}).`,
        fix: CONSENT_FIX,
      };
    case "failed":
      return {
        state: "blocked",
        call,
        status: probe.status,
        why: `EWS answered ${probe.detail} for ${mailbox}.`,
        fix: "Check that the mailbox exists and has a license.",
      };
  }
}

export async function proveWorkloads(
  deps: WorkloadProofDeps,
  request: WorkloadProofRequest,
): Promise<WorkloadReport> {
  const graph = await proveGraph(deps, request);
  const [exchange, sharepoint] = await Promise.all([
    proveExchange(deps, request, request.mailbox ?? graph.mailbox, graph.proof),
    proveSharePoint(deps, request),
  ]);
  return {
    graph: graph.proof,
    exchange,
    sharepoint,
    ready: { graph: graph.proof.state, exchange: exchange.state, sharepoint: sharepoint.state },
  };
}
