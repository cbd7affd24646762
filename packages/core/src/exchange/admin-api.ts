/**
 * Exchange Online's admin REST transport, the one the Exchange Online PowerShell module (v3) uses:
 * `POST {exchange}/adminapi/beta/{tenantId}/InvokeCommand` with
 * `{"CmdletInput": {"CmdletName": ..., "Parameters": {...}}}` and a delegated token for the Exchange
 * resource; `X-AnchorMailbox` names the organization's system mailbox. Not a documented public API
 * (Microsoft documents only that the module's cmdlets are REST-backed: "REST API connections in the EXO V3
 * module", learn.microsoft.com/powershell/exchange/exchange-online-powershell-v2); CISA ScubaGear and CIPP
 * call it this way (KelvinTegelaar/CIPP-API `Modules/CIPPCore/Public/GraphHelper/New-ExoRequest.ps1`).
 */
import type { CloudEndpoints } from "../clouds.js";
import { CoreError } from "../errors.js";
import type { Sleep } from "../ports.js";
import { printable } from "../tenant/printable.js";
import { bearer, type HttpPort, type HttpResponse, parseJson } from "../workloads/http-port.js";

/** The Exchange Online PowerShell module's public client, allowed to ask for Exchange's `.default`. */
export const EXCHANGE_POWERSHELL_CLIENT_ID = "fb78d390-0c51-40cd-8e17-fdbfab77341b";

export interface ExchangeAdminTarget {
  readonly tenantId: string;
  /** contoso.onmicrosoft.com: the system mailbox's domain in X-AnchorMailbox. */
  readonly initialDomain: string;
  readonly cloud: CloudEndpoints;
}

/** The delegated scope the admin signs in with for Exchange Online. */
export function exchangeAdminScope(cloud: CloudEndpoints): string {
  return `${cloud.exchangeResource}/.default`;
}

const RETRIES = 3;
const TRANSIENT = new Set([429, 500, 502, 503, 504]);

function failure(cmdlet: string, res: HttpResponse): CoreError {
  const body = parseJson(res.text) as { error?: { message?: unknown } } | undefined;
  const detail = typeof body?.error?.message === "string" ? `: ${printable(body.error.message)}` : "";
  if (res.status === 401) {
    return new CoreError(
      "token_expired",
      `Exchange Online refused the sign-in for ${cmdlet}${detail}. Sign in again.`,
      {
        status: 401,
      },
    );
  }
  if (res.status === 403) {
    return new CoreError(
      "insufficient_role",
      `Exchange Online refused ${cmdlet}${detail}. Sign in as an Exchange Administrator or Global Administrator.`,
      { status: 403 },
    );
  }
  if (res.status === 429) {
    return new CoreError(
      "throttled",
      `Exchange Online kept throttling ${cmdlet}; run the same command again later.`,
      {
        status: 429,
      },
    );
  }
  return new CoreError(
    "graph_request_failed",
    `Exchange Online answered ${cmdlet} with HTTP ${res.status}${detail}.`,
    {
      status: res.status,
    },
  );
}

function retryAfterMs(res: HttpResponse, attempt: number): number {
  const seconds = Number(res.headers["retry-after"]);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds, 30) * 1000 : 500 * 2 ** attempt;
}

/**
 * Runs one cmdlet and returns its `value` array. Transient answers (429, 5xx) are retried a few
 * times: both cmdlets we send are safe to repeat (a read, and a whole-value write of the same value).
 */
export async function invokeCmdlet(
  http: HttpPort,
  sleep: Sleep,
  target: ExchangeAdminTarget,
  token: string,
  cmdlet: string,
  parameters: Readonly<Record<string, unknown>>,
): Promise<unknown[]> {
  const request = {
    method: "POST" as const,
    url: `${target.cloud.exchangeBaseUrl}/adminapi/beta/${encodeURIComponent(target.tenantId)}/InvokeCommand`,
    headers: {
      ...bearer(token),
      "Content-Type": "application/json",
      Accept: "application/json",
      "X-ResponseFormat": "json",
      "X-AnchorMailbox": `UPN:SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}@${target.initialDomain}`,
    },
    body: JSON.stringify({ CmdletInput: { CmdletName: cmdlet, Parameters: parameters } }),
  };
  for (let attempt = 0; ; attempt++) {
    const res = await http.send(request);
    if (res.status >= 200 && res.status < 300) {
      const body = parseJson(res.text) as { value?: unknown } | undefined;
      return Array.isArray(body?.value) ? body.value : [];
    }
    if (!TRANSIENT.has(res.status) || attempt + 1 >= RETRIES) throw failure(cmdlet, res);
    await sleep(retryAfterMs(res, attempt));
  }
}
