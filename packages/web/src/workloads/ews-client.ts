/**
 * The EWS step's "allow" through the page's own server (`ewsApi`, same origin): it starts a device-code
 * sign-in of the Exchange Online PowerShell client and runs core's read-merge-write once the admin has
 * signed in; the page shows the code and polls. No token reaches the page.
 */
import { CoreError, ErrorCode } from "@boxafe-connect/core";
import type { EwsAllowRequest, EwsDeviceCode, EwsPoll } from "../contracts/ews-allow.js";

const KNOWN = new Set<string>(Object.values(ErrorCode));

function failure(res: Response, json: unknown): CoreError {
  const error = (typeof json === "object" && json !== null ? json : {}) as {
    code?: unknown;
    message?: unknown;
  };
  return new CoreError(
    typeof error.code === "string" && KNOWN.has(error.code) ? (error.code as ErrorCode) : "sign_in_failed",
    typeof error.message === "string" ? error.message : `The EWS service answered ${res.status}.`,
    { status: res.status },
  );
}

async function call(url: string, init: RequestInit, fetchFn: typeof fetch): Promise<unknown> {
  let res: Response;
  try {
    res = await fetchFn(url, { ...init, credentials: "same-origin", cache: "no-store" });
  } catch (cause) {
    throw new CoreError("unreachable", "The EWS service of this page could not be reached.", { cause });
  }
  const json: unknown = await res.json().catch(() => undefined);
  if (!res.ok) throw failure(res, json);
  return json;
}

export async function startEwsAllow(
  ewsApi: string,
  request: EwsAllowRequest,
  fetchFn: typeof fetch = fetch,
): Promise<EwsDeviceCode> {
  const json = await call(
    ewsApi,
    { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(request) },
    fetchFn,
  );
  const code = json as Partial<EwsDeviceCode>;
  if (
    typeof code.id !== "string" ||
    typeof code.userCode !== "string" ||
    typeof code.verificationUri !== "string"
  ) {
    throw new CoreError("unreachable", "The EWS service answered without a sign-in code.");
  }
  return code as EwsDeviceCode;
}

export async function pollEwsAllow(
  ewsApi: string,
  id: string,
  fetchFn: typeof fetch = fetch,
): Promise<EwsPoll> {
  return (await call(`${ewsApi}/${encodeURIComponent(id)}`, { method: "GET" }, fetchFn)) as EwsPoll;
}
